package org.civis.auth.bio;

import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * A face "matcher" for tests only, installed through the service file under test resources: it
 * says yes when a presented sample is byte for byte the enrolled photo. It exercises the plug-in
 * path (discovery, enrolled record, worker thread, verdict) without pretending to recognize faces.
 */
public final class SamePhotoFaceMatcher implements BiometricMatcher {
    @Override
    public Modality modality() {
        return Modality.FACE;
    }

    @Override
    public boolean matches(List<BiometricSample> presented, JsonObject enrolledIdentity) {
        JsonObject photo = enrolledIdentity.getJsonObject("photo");
        if (photo == null) {
            return false;
        }
        byte[] enrolled = Base64.getDecoder().decode(photo.getString("data"));
        return presented.stream().anyMatch(sample -> MessageDigest.isEqual(sample.data(), enrolled));
    }
}
