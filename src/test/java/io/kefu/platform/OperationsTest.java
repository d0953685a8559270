package io.kefu.platform;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and integrators rely on: health probes, metrics, the OpenAPI document and Swagger UI. */
@KefuTest
class OperationsTest {

    @LocalServerPort
    int port;

    @Test
    void livenessAndReadinessAreUpWithoutSigningIn() {
        ApiClient anonymous = new ApiClient(port, null);

        assertThat(anonymous.get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        assertThat(anonymous.get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusMetricsNeedAnAdministratorsToken() {
        assertThat(new ApiClient(port, null).get("/actuator/prometheus").status()).isEqualTo(401);

        ApiClient.Response metrics = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN).get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds");
    }

    @Test
    void theOpenApiDocumentDescribesTheRestApiOnly() {
        String document = new ApiClient(port, null).get("/v3/api-docs").body();

        assertThat(document).contains("\"/api/v1/staff\"", "\"/api/v1/departments\"", "\"/api/v1/tokens\"",
                "\"/api/v1/audit\"").doesNotContain("\"/admin/staff\"");
        assertThat(new ApiClient(port, null).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
