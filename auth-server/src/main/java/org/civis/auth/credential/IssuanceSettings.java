package org.civis.auth.credential;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.civis.issuer.keys.SigningAlgorithm;

/**
 * How credentials are issued and their status published: read once at start from the
 * configuration ({@code CIVIS_ISSUER_*}, {@code CIVIS_CREDENTIAL_*}, {@code CIVIS_STATUS_LIST_*},
 * {@code CIVIS_PUBLIC_BASE_URL}).
 *
 * @param issuerId the CWT {@code iss} of credentials and status lists
 * @param issuerName printed on cards and in the issuer certificates' names
 * @param algorithm what new issuer keys sign with: the first one, and rotations that name none
 * @param credentialValidity from issuance to {@code exp}
 * @param statusListTtl the {@code ttl} claim: how long a verifier may keep a status list
 * @param statusListValidity from a status list token's {@code iat} to its {@code exp}
 * @param statusListRefresh how long a node serves a built status list before deriving it again
 *     from the database (changes made through the node itself are seen at once)
 * @param publicBaseUrl where the public listener is reached from outside; status list URIs start with it
 */
public record IssuanceSettings(
        String issuerId,
        String issuerName,
        SigningAlgorithm algorithm,
        Duration credentialValidity,
        Duration statusListTtl,
        Duration statusListValidity,
        Duration statusListRefresh,
        URI publicBaseUrl) {

    /** Entries per status list: 32 KiB at two bits each, a few hundred bytes compressed while sparse. */
    public static final int STATUS_LIST_CAPACITY = 131_072;

    /** The public path of a status list, followed by its number. */
    public static final String STATUS_LIST_PATH = "/statuslists/";

    public IssuanceSettings {
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        if (statusListValidity.compareTo(statusListTtl) < 0) {
            throw new IllegalArgumentException(
                    "CIVIS_STATUS_LIST_VALIDITY_SECONDS must be at least CIVIS_STATUS_LIST_TTL_SECONDS");
        }
        String scheme = publicBaseUrl.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme) || publicBaseUrl.getHost() == null) {
            throw new IllegalArgumentException("CIVIS_PUBLIC_BASE_URL must be an absolute http(s) URL");
        }
    }

    /** The URI of status list {@code listId}: what credentials name, and where the token is served. */
    public String statusListUri(int listId) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + STATUS_LIST_PATH + listId;
    }
}
