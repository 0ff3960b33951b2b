package org.civis.server.operator;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a token carries its roles: a dotted path to an array of strings. Keycloak puts realm roles
 * at {@code realm_access.roles} (the default), client roles at {@code resource_access.CLIENT.roles};
 * Microsoft Entra ID puts app roles in {@code roles}. Role names Civis does not know are ignored,
 * and a missing or malformed claim simply grants no role (the operator then gets 403, not 401).
 */
public record RolesClaim(List<String> path) {
    public static final RolesClaim KEYCLOAK_REALM_ROLES = parse("realm_access.roles");

    public RolesClaim {
        path = List.copyOf(path);
        if (path.isEmpty() || path.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException(
                    "a roles claim is a dotted path of claim names, e.g. realm_access.roles");
        }
    }

    public static RolesClaim parse(String dotted) {
        return new RolesClaim(List.of(dotted.split("\\.", -1)));
    }

    /** The Civis roles the claims grant. */
    public Set<OperatorRole> read(JWTClaimsSet claims) {
        Object node = claims.getClaim(path.get(0));
        for (String name : path.subList(1, path.size())) {
            node = node instanceof Map<?, ?> object ? object.get(name) : null;
        }
        Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
        if (node instanceof Collection<?> names) {
            for (Object name : names) {
                if (name instanceof String text) {
                    OperatorRole.byWireName(text).ifPresent(roles::add);
                }
            }
        }
        return roles;
    }

    /** The claims that grant {@code roles} under this path, for the development issuer's tokens. */
    Map<String, Object> grant(Collection<OperatorRole> roles) {
        List<String> names = new ArrayList<>();
        roles.forEach(role -> names.add(role.wireName()));
        Object node = names;
        for (int i = path.size() - 1; i > 0; i--) {
            node = Map.of(path.get(i), node);
        }
        return Map.of(path.get(0), node);
    }

    @Override
    public String toString() {
        return String.join(".", path);
    }
}
