package com.siyu.mall.common.error;

import org.springframework.http.HttpStatus;

/**
 * A failure with a stable machine code; the global handler turns it into an RFC 9457 problem with the given status.
 */
public class MallException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public MallException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public static MallException badRequest(String code, String detail) {
        return new MallException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static MallException notFound(String code, String detail) {
        return new MallException(HttpStatus.NOT_FOUND, code, detail);
    }

    public static MallException conflict(String code, String detail) {
        return new MallException(HttpStatus.CONFLICT, code, detail);
    }

    public static MallException unprocessable(String code, String detail) {
        return new MallException(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
