package org.civis.issuer.samples;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.civis.core.identity.Identity;
import org.civis.core.schema.IdSchema;
import org.civis.issuer.CredentialIssuer;
import org.civis.issuer.CredentialRequest;
import org.civis.issuer.IssuedCredential;
import org.civis.issuer.StatusListEntry;
import org.civis.issuer.card.CardContent;
import org.civis.issuer.card.CardImages;
import org.civis.issuer.card.CardRenderer;
import org.civis.issuer.keys.IssuerKey;
import org.civis.issuer.photo.PhotoDecoder;
import org.civis.issuer.photo.SourcePhoto;

/**
 * The typical resident's credential and printed card, as the size test checks them and the QR
 * benchmark verifies them: resident 5 with a 600 x 800 portrait, issued on {@link #ISSUED} for five
 * years, status index 104,729 of list 1.
 */
public record TypicalCard(Identity identity, IssuedCredential credential, byte[] png) {
    public static final Instant ISSUED = Instant.parse("2026-11-25T09:30:00Z");

    public static TypicalCard issue(IssuerKey key) {
        Identity identity = SampleHolders.identity(SampleHolders.uin(5), 1, SampleHolders.typicalFields(5));
        IssuedCredential credential = new CredentialIssuer(IdSchema.defaultSchema())
                .issue(new CredentialRequest(
                        identity,
                        "https://id.example.org",
                        ISSUED,
                        ISSUED.plusSeconds(5L * 365 * 86_400),
                        new StatusListEntry("https://id.example.org/statuslists/1", 104_729),
                        key));
        byte[] png = CardImages.png(new CardRenderer()
                .render(new CardContent(
                        "Republic of Example",
                        "Amara Chiamaka Okafor",
                        "1990-01-15",
                        identity.uin(),
                        LocalDate.ofInstant(credential.request().expiresAt(), ZoneOffset.UTC),
                        PhotoDecoder.decode(new SourcePhoto("jpeg", SyntheticPortrait.jpeg(5)), 400),
                        credential.qr())));
        return new TypicalCard(identity, credential, png);
    }
}
