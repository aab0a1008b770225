package com.siyu.mall.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Just enough of the public API to prepare benchmark data (the load itself is Gatling's). */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    static JsonNode call(String method, String url, Object body, String token, int expected) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " → " + r.statusCode() + " " + r.body());
            }
            return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String adminToken(String gateway, String password) {
        return call("POST", gateway + "/admin/v1/auth/login", Map.of("username", "admin", "password", password), null, 200)
                .path("accessToken").asText();
    }

    /** Logs a member in directly at member-service (the gateway's SMS rate limit is per IP). */
    static String memberToken(String memberUrl, String phone, String code) {
        call("POST", memberUrl + "/api/v1/auth/sms-codes", Map.of("phone", phone), null, 202);
        return call("POST", memberUrl + "/api/v1/auth/login", Map.of("phone", phone, "code", code), null, 200)
                .path("accessToken").asText();
    }

    /** Creates a one-SKU product; returns {spuId, skuId}. */
    static String[] product(String gateway, String admin, String title, int stock) {
        JsonNode p = call("POST", gateway + "/admin/v1/products", Map.of("title", title, "skus",
                List.of(Map.of("specs", Map.of("规格", "标准"), "priceFen", 990, "stock", stock))), admin, 201);
        return new String[] {p.path("spuId").asText(), p.path("skus").get(0).path("skuId").asText()};
    }
}
