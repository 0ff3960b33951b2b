package org.civis.core.refusal;

/**
 * A stable code naming why a request is refused: one enum per catalogue ({@link RegistryError}
 * here; the auth server's issuance and partner catalogues implement it too). Clients match on the
 * name, so a constant is never renamed.
 */
public interface RefusalCode {
    String name();
}
