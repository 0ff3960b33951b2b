package org.civis.auth.view;

import java.util.Optional;
import org.civis.core.id.IndividualId;

/** The identity a request names, found through its UIN or a usable VID ({@code vid} then holds its state). */
public record ResolvedIdentity(AuthView view, Optional<VidState> vid) implements Resolution {

    public IndividualId.Type idType() {
        return vid.isPresent() ? IndividualId.Type.VID : IndividualId.Type.UIN;
    }
}
