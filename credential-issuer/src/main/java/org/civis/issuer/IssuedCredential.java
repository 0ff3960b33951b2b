package org.civis.issuer;

import org.civis.issuer.keys.SigningAlgorithm;
import org.civis.issuer.photo.PhotoOutcome;
import org.civis.issuer.qr.QrSymbol;

/**
 * A credential as issued: the signed CWT, the QR symbol that carries it, its sizes, and what became
 * of the photo. Holds personal data (inside the CWT): never log it.
 */
public record IssuedCredential(
        byte[] cwt,
        QrSymbol qr,
        CredentialSizes sizes,
        PhotoOutcome photo,
        String kid,
        SigningAlgorithm algorithm,
        CredentialRequest request) {

    public IssuedCredential {
        cwt = cwt.clone();
    }

    @Override
    public byte[] cwt() {
        return cwt.clone();
    }

    /** The Base45 text in the QR. */
    public String qrText() {
        return qr.text();
    }

    @Override
    public String toString() {
        return "IssuedCredential[" + kid + ", " + sizes + ", " + photo.status() + "]";
    }
}
