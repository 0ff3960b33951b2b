package org.civis.core.keys;

import java.util.Objects;
import javax.crypto.SecretKey;
import org.civis.core.crypto.MasterKey;

/** The secret keys the registry needs: record encryption, blind indexes and the audit hash chain. */
public record RegistryKeys(MasterKey masterKey, SecretKey blindIndexKey, SecretKey auditKey) {

    public RegistryKeys {
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(blindIndexKey, "blindIndexKey");
        Objects.requireNonNull(auditKey, "auditKey");
    }

    // The generated toString would defer to each key's own toString; keep this one free of key objects entirely.
    @Override
    public String toString() {
        return "RegistryKeys[masterKey=" + masterKey.id() + ", blindIndexKey=" + blindIndexKey.getAlgorithm()
                + ", auditKey=" + auditKey.getAlgorithm() + "]";
    }
}
