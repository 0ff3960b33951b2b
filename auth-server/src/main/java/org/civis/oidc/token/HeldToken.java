package org.civis.oidc.token;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.civis.auth.cluster.Authenticated;
import org.civis.auth.cluster.EntryMac;
import org.civis.auth.partner.PartnerId;
import org.civis.core.id.Uin;

/**
 * An access token's entry in the cluster: the {@link SignedIn} in plain serializable fields
 * (lists as space-separated words, which no scope, claim or method name contains), so any member
 * reads it without Civis's record types changing shape under it, and an {@link EntryMac} tag
 * over every field.
 */
record HeldToken(
        String grantId,
        String client,
        String subject,
        String uin,
        long authTimeMillis,
        String acr,
        String amr,
        String nonce,
        String scopes,
        String claims,
        String idTokenClaims,
        String dpopThumbprint,
        long expiresAtMillis,
        byte[] tag)
        implements Authenticated {

    static HeldToken of(SignedIn signedIn, Optional<String> dpopThumbprint, long expiresAtMillis) {
        return new HeldToken(
                signedIn.grantId(),
                signedIn.client().value(),
                signedIn.subject(),
                signedIn.uin().value(),
                signedIn.authTime().toEpochMilli(),
                signedIn.acr(),
                String.join(" ", signedIn.amr()),
                signedIn.nonce().orElse(""),
                words(signedIn.scopes()),
                words(signedIn.claims()),
                words(signedIn.idTokenClaims()),
                dpopThumbprint.orElse(""),
                expiresAtMillis,
                new byte[0]);
    }

    HeldToken tagged(EntryMac.Tag tag) {
        return new HeldToken(
                grantId,
                client,
                subject,
                uin,
                authTimeMillis,
                acr,
                amr,
                nonce,
                scopes,
                claims,
                idTokenClaims,
                dpopThumbprint,
                expiresAtMillis,
                fields(tag).tag());
    }

    boolean authentic(EntryMac.Tag tag) {
        return fields(tag).matches(this.tag);
    }

    /** @throws IllegalArgumentException if a field is malformed (an authentic entry never is) */
    SignedIn signedIn() {
        return new SignedIn(
                grantId,
                new PartnerId(client),
                subject,
                new Uin(uin),
                Instant.ofEpochMilli(authTimeMillis),
                acr,
                list(amr),
                nonce.isEmpty() ? Optional.empty() : Optional.of(nonce),
                Set.copyOf(list(scopes)),
                Set.copyOf(list(claims)),
                Set.copyOf(list(idTokenClaims)));
    }

    Optional<String> thumbprint() {
        return dpopThumbprint.isEmpty() ? Optional.empty() : Optional.of(dpopThumbprint);
    }

    private EntryMac.Tag fields(EntryMac.Tag tag) {
        return tag.add(grantId)
                .add(client)
                .add(subject)
                .add(uin)
                .add(authTimeMillis)
                .add(acr)
                .add(amr)
                .add(nonce)
                .add(scopes)
                .add(claims)
                .add(idTokenClaims)
                .add(dpopThumbprint)
                .add(expiresAtMillis);
    }

    private static String words(Set<String> values) {
        return String.join(" ", new TreeSet<>(values));
    }

    private static List<String> list(String words) {
        return words.isEmpty() ? List.of() : List.of(words.split(" "));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeldToken held
                && held.grantId.equals(grantId)
                && held.expiresAtMillis == expiresAtMillis
                && Arrays.equals(held.tag, tag);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tag);
    }

    @Override
    public String toString() { // no UIN, no subject in logs
        return "HeldToken[grant " + grantId + ", client " + client + "]";
    }
}
