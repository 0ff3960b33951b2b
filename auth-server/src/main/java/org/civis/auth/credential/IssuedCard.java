package org.civis.auth.credential;

import org.civis.issuer.IssuedCredential;

/**
 * A credential as the admin API reports it: its row, the credential built from it, and whether it
 * was the identity's current credential already (a reprint) or a new one.
 */
public record IssuedCard(CredentialRecord record, IssuedCredential credential, boolean reused, String statusListUri) {}
