package org.civis.core.id;

/**
 * The number a resident presents to be authenticated: the UIN itself, or a VID standing in for it.
 * Sealed so that code deciding on one handles both kinds and nothing else.
 */
public sealed interface IndividualId permits Uin, Vid {

    /** Which kind of number; partners name it as {@code individualIdType}, the transaction record keeps it. */
    enum Type {
        UIN,
        VID
    }

    String value();

    default Type type() {
        return this instanceof Vid ? Type.VID : Type.UIN;
    }
}
