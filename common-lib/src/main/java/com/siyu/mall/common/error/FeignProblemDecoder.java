package com.siyu.mall.common.error;

import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns another service's problem+json back into a typed {@link RemoteProblemException}. */
public class FeignProblemDecoder implements ErrorDecoder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Exception decode(String methodKey, Response response) {
        String service = response.request() == null ? methodKey : response.request().url();
        HttpStatus status = HttpStatus.resolve(response.status());
        if (status == null || status.is5xxServerError()) {
            return new DependencyUnavailableException(service, response.status());
        }
        String code = "REMOTE_" + status.name();
        String detail = status.getReasonPhrase();
        if (response.body() != null) {
            try (InputStream body = response.body().asInputStream()) {
                JsonNode problem = JSON.readTree(body);
                code = problem.path("code").asString(code);
                detail = problem.path("detail").asString(detail);
            } catch (Exception notJson) {
                // keep the generic code: the remote answered something that is not a problem document
            }
        }
        return new RemoteProblemException(service, status, code, detail);
    }
}
