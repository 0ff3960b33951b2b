package org.civis.verifier.verdict;

/** Where in the pipeline a credential was refused, from the picture to the identity claims. */
public enum Stage {
    QR,
    PREFIX,
    BASE45,
    ZLIB,
    COSE,
    CWT,
    CLAIMS
}
