package com.siyu.mall.common.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

/** What every client of the API relies on when a call fails: the status, problem+json, a stable code, a trace id. */
public final class ProblemAssert {

    private ProblemAssert() {
    }

    public static void assertProblem(MallHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).as(response.raw()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.raw()).isEqualTo(code);
        assertThat(response.text("traceId")).as(response.raw()).isNotBlank();
    }
}
