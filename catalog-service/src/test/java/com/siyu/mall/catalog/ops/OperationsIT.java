package com.siyu.mall.catalog.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What Kubernetes and Prometheus rely on: probes (DB and Kafka in readiness), metrics and the API document. */
@MallIntegrationTest
class OperationsIT {

    @LocalServerPort
    int port;

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        MallHttp http = new MallHttp("http://localhost:" + port);
        var readiness = http.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.text("status")).isEqualTo("UP");
        assertThat(readiness.body().path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(readiness.body().path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness", null).text("status")).isEqualTo("UP");
    }

    @Test
    void servesPrometheusMetricsAndTheOpenApiDocument() {
        MallHttp http = new MallHttp("http://localhost:" + port);
        var metrics = http.get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("jvm_memory_used_bytes").contains("application=\"catalog-service\"");
        var docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/api/v1/products/{spuId}")).isTrue();
        assertThat(docs.body().path("paths").has("/admin/v1/products")).isTrue();
    }
}
