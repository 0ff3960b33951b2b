package org.civis.auth.bio;

/** The kinds of biometric sample a request may present, by their member name under {@code biometrics}. */
public enum Modality {
    FINGERPRINTS("fingerprints"),
    FACE("face"),
    IRIS("iris");

    private final String jsonName;

    Modality(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
