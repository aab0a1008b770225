package com.siyu.mall.common.error;

import org.springframework.http.HttpStatus;

/** A problem answered by another service, decoded from its problem+json by {@link FeignProblemDecoder}. */
public class RemoteProblemException extends MallException {

    private final String service;

    public RemoteProblemException(String service, HttpStatus status, String code, String detail) {
        super(status, code, detail);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
