/**
 * Civis's offline verifier of QR credentials. The exported packages are the whole public API (see
 * the module's README); everything under {@code org.civis.verifier.internal} may change freely.
 *
 * <p>cbor and numbers (PeterO's CBOR library) have no module name of their own: their automatic
 * names come from their file names, which is why they read oddly here.
 */
@SuppressWarnings({"module", "requires-automatic"})
module org.civis.verifier {
    requires cbor;
    requires numbers;
    requires com.google.zxing;
    requires com.google.zxing.javase;
    requires com.nimbusds.jose.jwt;
    requires java.desktop;
    requires org.apache.commons.codec;
    requires static info.picocli;

    exports org.civis.verifier;
    exports org.civis.verifier.verdict;
    exports org.civis.verifier.claims;
    exports org.civis.verifier.trust;
    exports org.civis.verifier.status;
    exports org.civis.verifier.files;
    exports org.civis.verifier.image;
    exports org.civis.verifier.cli;
    exports org.civis.verifier.spec;

    // picocli sets the command's option fields by reflection.
    opens org.civis.verifier.cli to
            info.picocli;
}
