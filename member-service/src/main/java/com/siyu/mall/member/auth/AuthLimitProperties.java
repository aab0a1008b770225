package com.siyu.mall.member.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on sending codes and logging in ({@code mall.member.auth.*}), counted in the database so they hold across
 * replicas.
 *
 * @param smsPerPhonePerDay  codes sent to one phone per calendar day (in {@code mall.member.zone})
 * @param smsPerIpPerHour    codes requested from one client IP per clock hour
 * @param loginPerIpPerHour  login attempts (SMS, WeChat, phone binding) from one client IP per clock hour
 * @param trustForwarded     the client IP is the first {@code X-Forwarded-For} hop (only safe when the proxy in front of
 *                           the gateway overwrites that header); otherwise the last hop, which the gateway appended
 *                           from the TCP peer it saw
 * @param exemptIps          client IPs never limited per IP (monitoring, a load-test host)
 */
@ConfigurationProperties("mall.member.auth")
record AuthLimitProperties(int smsPerPhonePerDay, int smsPerIpPerHour, int loginPerIpPerHour, boolean trustForwarded,
        List<String> exemptIps) {

    AuthLimitProperties {
        smsPerPhonePerDay = smsPerPhonePerDay <= 0 ? 10 : smsPerPhonePerDay;
        smsPerIpPerHour = smsPerIpPerHour <= 0 ? 20 : smsPerIpPerHour;
        loginPerIpPerHour = loginPerIpPerHour <= 0 ? 60 : loginPerIpPerHour;
        exemptIps = exemptIps == null ? List.of()
                : exemptIps.stream().filter(ip -> ip != null && !ip.isBlank()).map(String::trim).toList();
    }
}
