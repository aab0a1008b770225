package com.siyu.mall.common.payment;

import com.siyu.mall.common.error.MallException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Behaves like a real provider: after a short delay it POSTs a signed notification to the notify URL and, like
 * WeChat Pay, re-delivers with backoff until it gets a 2xx. Signature = hex HMAC-SHA256 over
 * {@code paymentNo|orderId|amountFen|status|providerTxnId|timestamp|nonce}. On the wire the subject keeps the name
 * {@code orderId} (the merchant's order reference, like WeChat's {@code out_trade_no}): for member-service it is the
 * recharge or card purchase id.
 */
public class MockPaymentChannel implements PaymentChannel, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MockPaymentChannel.class);

    public record MockNotification(String paymentNo, String orderId, long amountFen, String status, String providerTxnId,
            long timestamp, String nonce, String signature) {
    }

    private final MockPaymentProperties props;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mock-payment-provider");
        t.setDaemon(true);
        return t;
    });

    private final Environment env;

    public static final String DEV_SECRET = "siyu-mall-mock-payment-secret";

    public MockPaymentChannel(MockPaymentProperties props, Environment env) {
        boolean local = env.getActiveProfiles().length == 0 || env.acceptsProfiles(Profiles.of("local"));
        if (!local && (props.secret() == null || props.secret().equals(DEV_SECRET))) {
            // anyone could sign notifications with the published secret and mark orders paid
            throw new IllegalStateException("the MOCK payment channel needs MALL_PAYMENT_MOCK_SECRET under profiles "
                    + String.join(",", env.getActiveProfiles()) + ", or MALL_PAYMENT_MOCK_ENABLED=false");
        }
        this.props = props;
        this.env = env;
    }

    private String notifyUrl() {
        if (props.notifyUrl() != null && !props.notifyUrl().isBlank()) {
            return props.notifyUrl();
        }
        return "http://127.0.0.1:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"))
                + props.notifyPath();
    }

    @Override
    public String name() {
        return "MOCK";
    }

    @Override
    public void start(PaymentRequest payment) {
        MockNotification notification = sign(payment.paymentNo(), payment.subjectId(), payment.amountFen(),
                "SUCCESS", "MOCK" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                Instant.now().getEpochSecond(), UUID.randomUUID().toString());
        deliver(json.writeValueAsString(notification), 1, props.delay().toMillis());
    }

    /** Signs like the provider does (tests use it to forge nothing but a valid notification). */
    public MockNotification sign(String paymentNo, long orderId, long amountFen, String status, String txnId, long timestamp,
            String nonce) {
        String signature = hmac(String.join("|", paymentNo, String.valueOf(orderId), String.valueOf(amountFen), status,
                txnId, String.valueOf(timestamp), nonce));
        return new MockNotification(paymentNo, String.valueOf(orderId), amountFen, status, txnId, timestamp, nonce, signature);
    }

    private void deliver(String body, int attempt, long delayMs) {
        scheduler.schedule(() -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(notifyUrl()))
                        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                retry(body, attempt, "HTTP " + response.statusCode() + " " + response.body());
            } catch (Exception e) {
                retry(body, attempt, e.toString());
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    private void retry(String body, int attempt, String why) {
        if (attempt >= props.maxAttempts()) {
            log.error("mock provider gave up notifying after {} attempts: {}", attempt, why);
            return;
        }
        log.warn("mock provider notification attempt {} failed ({}), retrying", attempt, why);
        deliver(body, attempt + 1, Math.min(30_000, 500L << attempt));
    }

    @Override
    public Notification verify(String body) {
        JsonNode n;
        try {
            n = json.readTree(body);
        } catch (RuntimeException e) {
            throw MallException.badRequest("PAYMENT_NOTIFY_MALFORMED", "notification is not JSON");
        }
        String[] fields = {"paymentNo", "orderId", "amountFen", "status", "providerTxnId", "timestamp", "nonce", "signature"};
        for (String field : fields) {
            if (n.path(field).isMissingNode() || n.path(field).isNull()) {
                throw MallException.badRequest("PAYMENT_NOTIFY_MALFORMED", "notification lacks " + field);
            }
        }
        String signed = String.join("|", n.path("paymentNo").asString(), n.path("orderId").asString(),
                n.path("amountFen").asString(), n.path("status").asString(), n.path("providerTxnId").asString(),
                n.path("timestamp").asString(), n.path("nonce").asString());
        byte[] expected = hmac(signed).getBytes(StandardCharsets.US_ASCII);
        byte[] given = n.path("signature").asString().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw MallException.badRequest("PAYMENT_SIGNATURE_INVALID", "notification signature does not verify");
        }
        long age = Math.abs(Instant.now().getEpochSecond() - n.path("timestamp").asLong());
        if (age > props.notifyWindow().toSeconds()) {
            throw MallException.badRequest("PAYMENT_NOTIFY_STALE", "notification timestamp is outside the accepted window");
        }
        if (!"SUCCESS".equals(n.path("status").asString())) {
            throw MallException.badRequest("PAYMENT_NOT_SUCCESSFUL", "only successful payments are notified");
        }
        try {
            return new Notification(n.path("paymentNo").asString(), Long.parseLong(n.path("orderId").asString()),
                    Long.parseLong(n.path("amountFen").asString()), n.path("providerTxnId").asString());
        } catch (NumberFormatException e) {
            throw MallException.badRequest("PAYMENT_NOTIFY_MALFORMED", "orderId and amountFen must be numbers");
        }
    }

    private String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(props.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
