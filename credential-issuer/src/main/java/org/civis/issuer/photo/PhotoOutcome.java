package org.civis.issuer.photo;

import java.util.Objects;

/**
 * What became of the photo in a credential. Every outcome but {@link Status#INCLUDED} leaves the
 * photo out and the card is still issued: a card without a photo beats no card.
 *
 * @param jpeg the grayscale JPEG put in the credential; empty unless included
 * @param quality the JPEG quality the search settled on (0-1); 0 unless included
 */
public record PhotoOutcome(Status status, byte[] jpeg, int width, int height, float quality) {

    public enum Status {
        INCLUDED,
        /** The identity has no photo. */
        ABSENT,
        /** The photo's format cannot be decoded here (for example JPEG 2000 without an ImageIO plugin). */
        UNREADABLE,
        /** Not even the smallest rendition fits the room the rest of the credential leaves. */
        TOO_LARGE
    }

    public PhotoOutcome {
        Objects.requireNonNull(status, "status");
        jpeg = jpeg.clone();
    }

    public static PhotoOutcome omitted(Status status) {
        if (status == Status.INCLUDED) {
            throw new IllegalArgumentException("an included photo has bytes");
        }
        return new PhotoOutcome(status, new byte[0], 0, 0, 0f);
    }

    public boolean included() {
        return status == Status.INCLUDED;
    }

    @Override
    public byte[] jpeg() {
        return jpeg.clone();
    }

    /** Bytes of the JPEG in the credential (0 when left out). */
    public int bytes() {
        return jpeg.length;
    }

    @Override
    public String toString() {
        return "PhotoOutcome[" + status + ", " + jpeg.length + " bytes, " + width + "x" + height + "]";
    }
}
