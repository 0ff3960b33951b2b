package org.civis.issuer.card;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.civis.core.id.Uin;
import org.civis.issuer.qr.QrSymbol;

/**
 * What a card shows. Holds personal data: never log it.
 *
 * @param dateOfBirth as the registry holds it ({@code YYYY-MM-DD})
 * @param photo the enrolled photo in colour, if it could be decoded
 */
public record CardContent(
        String issuerName,
        String fullName,
        String dateOfBirth,
        Uin uin,
        LocalDate expiresOn,
        Optional<BufferedImage> photo,
        QrSymbol qr) {

    public CardContent {
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(uin, "uin");
        Objects.requireNonNull(expiresOn, "expiresOn");
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(qr, "qr");
    }

    /** The UIN as printed: all but the last four digits replaced by X ({@code XXXXXX7374}). */
    public String maskedUin() {
        String digits = uin.value();
        int shown = Math.min(4, digits.length());
        return "X".repeat(digits.length() - shown) + digits.substring(digits.length() - shown);
    }

    @Override
    public String toString() {
        return "CardContent[" + uin + ", " + qr + "]";
    }
}
