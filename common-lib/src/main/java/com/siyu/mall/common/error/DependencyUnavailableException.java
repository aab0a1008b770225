package com.siyu.mall.common.error;

import org.springframework.http.HttpStatus;

/** Another service answered 5xx: counts against its circuit breaker and reaches the caller as a 503. */
public class DependencyUnavailableException extends RemoteProblemException {

    public DependencyUnavailableException(String service, int remoteStatus) {
        super(service, HttpStatus.SERVICE_UNAVAILABLE, "DEPENDENCY_UNAVAILABLE",
                "a service this request depends on failed (" + remoteStatus + ")");
    }
}
