package org.civis.perf;

/**
 * The admin API token the benchmarks that enroll or register partners send, from the environment
 * variable {@value #VARIABLE} (not a {@code CIVIS_} name: the server would warn about it). On
 * embedded defaults: {@code OPERATOR_TOKEN=$(./civis operator-token --role registrar partner-admin)}.
 */
final class OperatorToken {
    static final String VARIABLE = "OPERATOR_TOKEN";

    private OperatorToken() {}

    /** The value of an {@code Authorization} header carrying the token. */
    static String authorization() {
        String token = System.getenv(VARIABLE);
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("set " + VARIABLE + " to an admin API token, e.g. " + VARIABLE
                    + "=$(./civis operator-token --role registrar partner-admin --minutes 120)");
        }
        return "Bearer " + token.strip();
    }
}
