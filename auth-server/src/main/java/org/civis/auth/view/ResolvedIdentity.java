package org.civis.auth;

import java.util.Optional;
import org.civis.auth.view.AuthView;
import org.civis.auth.view.VidState;

/** The identity a request names, found through its UIN or a usable VID. */
public record ResolvedIdentity(AuthView view, Optional<VidState> vid) {
    public String idType() {
        return vid.isPresent() ? "VID" : "UIN";
    }
}
