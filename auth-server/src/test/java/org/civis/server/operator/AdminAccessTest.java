package org.civis.server.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The role table against the admin operations the OpenAPI document declares. */
class AdminAccessTest {

    @Test
    void everyAdminOperationInTheOpenApiDocumentHasExactlyOneRuleAndNoRuleIsStray() throws Exception {
        Set<String> documented = new HashSet<>();
        JsonObject paths = openApi().getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                Object operation = item.getValue(method);
                if (operation instanceof JsonObject op
                        && op.getJsonArray("tags", new io.vertx.core.json.JsonArray())
                                .contains("Admin")) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path.replaceAll("\\{([^}]+)}", ":$1"));
                }
            }
        }
        Set<String> ruled = new HashSet<>();
        for (AdminAccess.Rule rule : AdminAccess.RULES) {
            assertThat(ruled.add(rule.method().name() + " " + rule.path()))
                    .as("duplicate rule %s", rule)
                    .isTrue();
            assertThat(rule.roles()).as("roles of %s", rule).isNotEmpty();
        }

        assertThat(ruled).isEqualTo(documented);
    }

    @Test
    void auditorOnlyVerifiesTheAuditLog() {
        for (AdminAccess.Rule rule : AdminAccess.RULES) {
            boolean auditorMay = rule.roles().contains(OperatorRole.AUDITOR);
            boolean readsSchemaOrAudit =
                    rule.path().equals("/v1/audit/verify") || rule.path().equals("/v1/schema");
            assertThat(auditorMay)
                    .as("auditor on %s %s", rule.method(), rule.path())
                    .isEqualTo(readsSchemaOrAudit);
        }
        assertThat(AdminAccess.rolesFor(HttpMethod.GET, "/v1/audit/verify")).hasValue(Set.of(OperatorRole.AUDITOR));
    }

    private static JsonObject openApi() throws Exception {
        try (InputStream in = AdminAccessTest.class.getResourceAsStream("/org/civis/server/openapi.json")) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
