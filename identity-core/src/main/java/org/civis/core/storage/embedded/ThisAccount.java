package org.civis.core.storage.embedded;

import com.sun.security.auth.module.UnixSystem;

/** The numeric user id this process runs as: names can be missing from a container's passwd file. */
final class ThisAccount {
    private static final long UID = new UnixSystem().getUid();

    private ThisAccount() {}

    static long uid() {
        return UID;
    }

    static boolean isRoot() {
        return UID == 0;
    }
}
