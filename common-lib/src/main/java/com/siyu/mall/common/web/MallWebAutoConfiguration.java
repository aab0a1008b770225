package com.siyu.mall.common.web;

import com.siyu.mall.common.error.FeignProblemDecoder;
import com.siyu.mall.common.error.ProblemHandler;
import feign.RequestInterceptor;
import feign.codec.ErrorDecoder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Problem handling, trace ids and Feign plumbing shared by every servlet service. */
@AutoConfiguration
@Import(ProblemHandler.class)
public class MallWebAutoConfiguration {

    @Bean
    FilterRegistrationBean<TraceIdFilter> traceIdFilter() {
        FilterRegistrationBean<TraceIdFilter> registration = new FilterRegistrationBean<>(new TraceIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ErrorDecoder feignProblemDecoder() {
        return new FeignProblemDecoder();
    }

    /** Calls made while serving a request carry the caller's token and the trace onward. */
    @Bean
    RequestInterceptor forwardAuthAndTrace() {
        return template -> {
            template.header(TraceIds.TRACEPARENT, TraceIds.traceparent(TraceIds.current()));
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
                String auth = attrs.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
                if (auth != null && !template.headers().containsKey(HttpHeaders.AUTHORIZATION)) {
                    template.header(HttpHeaders.AUTHORIZATION, auth);
                }
            }
        };
    }
}
