package com.siyu.mall.common.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client over the JDK's HttpClient for tests, the demo journey and seeding. */
public final class MallHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public record Response(int status, String contentType, String raw, JsonNode body) {

        public String text(String field) {
            return body.path(field).asString(null);
        }

        public long number(String field) {
            return body.path(field).asLong();
        }

        /** The problem document's stable code (null when not a problem). */
        public String code() {
            return body.path("code").asString(null);
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    public MallHttp(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public Response get(String path, String token) {
        return send(builder(path, token).GET(), path);
    }

    public Response post(String path, Object body, String token) {
        return post(path, body, token, Map.of());
    }

    /** {@code body} is sent as is when it is a String, otherwise as its JSON. */
    public Response post(String path, Object body, String token, Map<String, String> headers) {
        return sendWithBody("POST", path, body, token, headers);
    }

    public Response patch(String path, Object body, String token) {
        return sendWithBody("PATCH", path, body, token, Map.of());
    }

    public Response put(String path, Object body, String token) {
        return sendWithBody("PUT", path, body, token, Map.of());
    }

    public Response delete(String path, String token) {
        return send(builder(path, token).DELETE(), path);
    }

    private Response sendWithBody(String method, String path, Object body, String token, Map<String, String> headers) {
        HttpRequest.Builder builder = builder(path, token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body)));
        headers.forEach(builder::header);
        return send(builder, path);
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(15));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder, String path) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body;
            try {
                body = raw == null || raw.isBlank() ? JSON.createObjectNode() : JSON.readTree(raw);
            } catch (RuntimeException notJson) {
                body = JSON.createObjectNode();
            }
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), raw, body);
        } catch (IOException e) {
            throw new IllegalStateException("request to " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
