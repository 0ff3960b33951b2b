package org.civis.server.operator;

import static org.civis.server.operator.OperatorRole.ADJUDICATOR;
import static org.civis.server.operator.OperatorRole.AUDITOR;
import static org.civis.server.operator.OperatorRole.IDENTITY_ADMIN;
import static org.civis.server.operator.OperatorRole.ISSUER_ADMIN;
import static org.civis.server.operator.OperatorRole.PARTNER_ADMIN;
import static org.civis.server.operator.OperatorRole.REGISTRAR;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which roles may call each admin operation, in one table, and the routes that enforce it. Every
 * path under {@value #PROTECTED} needs a valid token; the health checks outside it stay open for load
 * balancers. An operation missing from the table is refused to everyone (403), so a route added
 * without a line here fails closed; a test walks the admin router to keep the two in step.
 */
public final class AdminAccess {
    public static final String PROTECTED = "/v1/*";
    private static final String ROLE_CHECKED = AdminAccess.class.getName() + ".checked";

    /** One operation and the roles that may call it. */
    public record Rule(HttpMethod method, String path, Set<OperatorRole> roles) {
        public Rule {
            roles = Set.copyOf(roles);
        }
    }

    /** Every role: reading the identity schema reveals nothing about anyone. */
    private static final Set<OperatorRole> ANY = EnumSet.allOf(OperatorRole.class);

    public static final List<Rule> RULES = List.of(
            rule(HttpMethod.GET, "/v1/schema", ANY),
            rule(HttpMethod.POST, "/v1/enrollments", Set.of(REGISTRAR)),
            // The outcome names candidate UINs: the registrar follows up, the adjudicator decides.
            rule(HttpMethod.GET, "/v1/enrollments/:registrationId", Set.of(REGISTRAR, ADJUDICATOR)),
            rule(HttpMethod.POST, "/v1/enrollments/:registrationId/adjudication", Set.of(ADJUDICATOR)),
            // Deciding a suspected duplicate means comparing the candidate's record: a read of personal data.
            rule(HttpMethod.GET, "/v1/identities/:uin", Set.of(IDENTITY_ADMIN, ADJUDICATOR)),
            rule(HttpMethod.PATCH, "/v1/identities/:uin", Set.of(IDENTITY_ADMIN)),
            rule(HttpMethod.GET, "/v1/identities/:uin/status", Set.of(IDENTITY_ADMIN, ISSUER_ADMIN)),
            rule(HttpMethod.POST, "/v1/identities/:uin/deactivate", Set.of(IDENTITY_ADMIN)),
            rule(HttpMethod.POST, "/v1/identities/:uin/reactivate", Set.of(IDENTITY_ADMIN)),
            rule(HttpMethod.POST, "/v1/identities/:uin/revoke", Set.of(IDENTITY_ADMIN)),
            rule(HttpMethod.GET, "/v1/identities/:uin/locks", Set.of(IDENTITY_ADMIN)),
            rule(HttpMethod.POST, "/v1/identities/:uin/locks", Set.of(IDENTITY_ADMIN)),
            rule(HttpMethod.POST, "/v1/identities/:uin/vids", Set.of(IDENTITY_ADMIN)),
            rule(HttpMethod.GET, "/v1/identities/:uin/vids", Set.of(IDENTITY_ADMIN)),
            rule(HttpMethod.GET, "/v1/vids/:vid", Set.of(IDENTITY_ADMIN)),
            rule(HttpMethod.POST, "/v1/vids/:vid/revoke", Set.of(IDENTITY_ADMIN)),
            rule(HttpMethod.POST, "/v1/partners", Set.of(PARTNER_ADMIN)),
            rule(HttpMethod.GET, "/v1/partners/:partnerId", Set.of(PARTNER_ADMIN)),
            rule(HttpMethod.PUT, "/v1/partners/:partnerId/policy", Set.of(PARTNER_ADMIN)),
            rule(HttpMethod.POST, "/v1/partners/:partnerId/suspend", Set.of(PARTNER_ADMIN)),
            rule(HttpMethod.POST, "/v1/partners/:partnerId/activate", Set.of(PARTNER_ADMIN)),
            rule(HttpMethod.POST, "/v1/partners/:partnerId/api-key", Set.of(PARTNER_ADMIN)),
            rule(HttpMethod.POST, "/v1/partners/:partnerId/signing-keys", Set.of(PARTNER_ADMIN)),
            rule(HttpMethod.DELETE, "/v1/partners/:partnerId/signing-keys/:kid", Set.of(PARTNER_ADMIN)),
            rule(HttpMethod.POST, "/v1/identities/:uin/credentials", Set.of(ISSUER_ADMIN)),
            rule(HttpMethod.GET, "/v1/identities/:uin/card.png", Set.of(ISSUER_ADMIN)),
            rule(HttpMethod.POST, "/v1/issuer/keys/rotate", Set.of(ISSUER_ADMIN)),
            rule(HttpMethod.GET, "/v1/audit/verify", Set.of(AUDITOR)));

    private AdminAccess() {}

    /**
     * Puts authentication and the role table in front of {@code router}'s routes. Call it before
     * mounting the routes and before the request bodies are read (an anonymous upload is refused
     * without being buffered): vertx-web tries routes in the order they were added.
     */
    public static void install(Router router, OperatorAuthHandler authentication) {
        router.route(PROTECTED).handler(authentication);
        for (Rule rule : RULES) {
            router.route(rule.method(), rule.path())
                    .handler(ctx -> {
                        ctx.put(ROLE_CHECKED, Boolean.TRUE);
                        ctx.next();
                    })
                    .handler(OperatorAuthHandler.requireAnyOf(rule.roles()));
        }
        router.route(PROTECTED).handler(ctx -> {
            if (Boolean.TRUE.equals(ctx.get(ROLE_CHECKED))) {
                ctx.next();
            } else {
                OperatorAuthHandler.answer(ctx, OperatorError.OPERATOR_ROLE_MISSING);
            }
        });
    }

    /** The roles that may call {@code method} on the route declared as {@code path}, if it is in the table. */
    public static Optional<Set<OperatorRole>> rolesFor(HttpMethod method, String path) {
        return RULES.stream()
                .filter(rule -> rule.method().equals(method) && rule.path().equals(path))
                .map(Rule::roles)
                .findFirst();
    }

    private static Rule rule(HttpMethod method, String path, Set<OperatorRole> roles) {
        return new Rule(method, path, roles);
    }
}
