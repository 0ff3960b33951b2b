package org.civis.auth.credential;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.civis.core.id.Uin;
import org.civis.core.identity.Identity;
import org.civis.core.identity.IdentityService;
import org.civis.core.refusal.Result;
import org.civis.core.schema.IdSchema;
import org.civis.issuer.CredentialIssuer;
import org.civis.issuer.CredentialRequest;
import org.civis.issuer.IssuedCredential;
import org.civis.issuer.StatusListEntry;
import org.civis.issuer.card.CardContent;
import org.civis.issuer.card.CardImages;
import org.civis.issuer.card.CardRenderer;
import org.civis.issuer.claim169.Claim169Mapper;
import org.civis.issuer.keys.IssuerKey;
import org.civis.issuer.keys.IssuerKeyRing;
import org.civis.issuer.keys.IssuerKeystore;
import org.civis.issuer.keys.SigningAlgorithm;
import org.civis.issuer.photo.PhotoDecoder;

/**
 * Issues QR credentials and prints cards for identities. The identity is read through the registry
 * (an audited read of personal data), the credential recorded (index drawn, earlier credentials
 * superseded) in one transaction, and the CPU-heavy part (photo, signature, QR, card) done on a
 * worker, never on an event loop. An identity that is revoked or deactivated gets no card.
 *
 * <p>A revocation racing an issuance is still safe: the new credential's status is derived from the
 * identity's status whenever its list is built, so it reads INVALID at once.
 */
public final class CredentialService {
    /** The card photo is decoded to about twice the printed box (20 mm at 300 dpi). */
    private static final int CARD_PHOTO_PIXELS = 480;

    private final Vertx vertx;
    private final IdentityService identities;
    private final CredentialStore store;
    private final IssuerKeystore keys;
    private final StatusListPublisher statusLists;
    private final IssuanceSettings settings;
    private final CredentialIssuer issuer;
    private final Claim169Mapper mapper;
    private final CardRenderer renderer = new CardRenderer();
    private final Clock clock;

    public CredentialService(
            Vertx vertx,
            IdentityService identities,
            IdSchema schema,
            CredentialStore store,
            IssuerKeystore keys,
            StatusListPublisher statusLists,
            IssuanceSettings settings,
            Clock clock) {
        this.vertx = vertx;
        this.identities = identities;
        this.store = store;
        this.keys = keys;
        this.statusLists = statusLists;
        this.settings = settings;
        this.issuer = new CredentialIssuer(schema);
        this.mapper = new Claim169Mapper(schema);
        this.clock = clock;
    }

    /**
     * A new credential for the identity's current version; its earlier credentials become INVALID.
     * Refused with IDENTITY_NOT_FOUND, IDENTITY_REVOKED or IDENTITY_DEACTIVATED.
     */
    public Future<Result<IssuedCard>> issue(Uin uin, String actor) {
        return produce(uin, actor, false);
    }

    /** The identity's current credential rebuilt (a reprint), or a new one when it has none that fits. */
    public Future<Result<IssuedCard>> current(Uin uin, String actor) {
        return produce(uin, actor, true);
    }

    /** The printable card (PNG) of the identity's current credential. */
    public Future<Result<CardImage>> card(Uin uin, String actor) {
        return current(uin, actor)
                .compose(current -> current.thenAccept(card -> vertx.executeBlocking(
                        () -> new CardImage(card, CardImages.png(renderer.render(content(card.credential())))),
                        false)));
    }

    /** A card and its PNG. */
    public record CardImage(IssuedCard card, byte[] png) {}

    /** A new signing key ({@code algorithm}, or the configured one); blocking file work runs on a worker. */
    public Future<IssuerKeyRing> rotateKeys(Optional<SigningAlgorithm> algorithm) {
        return vertx.executeBlocking(() -> keys.rotate(algorithm.orElse(settings.algorithm())), false)
                .onSuccess(ring -> statusLists.changed());
    }

    /** The issuer's keys as this node knows them. */
    public IssuerKeyRing keyRing() {
        return keys.ring();
    }

    private Future<Result<IssuedCard>> produce(Uin uin, String actor, boolean reuse) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return identities
                .read(uin, actor)
                .map(read -> read.flatMap(CredentialService::requireActive))
                .compose(active -> active.thenAccept(identity -> {
                    IssuerKey key = keys.ring().current();
                    return store.issue(
                                    uin, identity.version(), key, now, now.plus(settings.credentialValidity()), reuse)
                            .compose(decision -> vertx.executeBlocking(
                                            () -> issuer.issue(request(identity, decision.record(), key)), false)
                                    .map(credential -> new IssuedCard(
                                            decision.record(),
                                            credential,
                                            decision.reused(),
                                            settings.statusListUri(
                                                    decision.record().listId()))))
                            .onSuccess(card -> {
                                if (!card.reused()) {
                                    statusLists.changed(); // the identity's previous credential is superseded
                                }
                            });
                }));
    }

    private static Result<Identity> requireActive(Identity identity) {
        return switch (identity.status()) {
            case REVOKED -> Result.refused(IssuanceError.IDENTITY_REVOKED, "a revoked identity gets no card");
            case DEACTIVATED ->
                Result.refused(IssuanceError.IDENTITY_DEACTIVATED, "reactivate the identity before issuing a card");
            case ACTIVE -> Result.accepted(identity);
        };
    }

    private CredentialRequest request(Identity identity, CredentialRecord record, IssuerKey key) {
        return new CredentialRequest(
                identity,
                settings.issuerId(),
                record.issuedAt(),
                record.expiresAt(),
                new StatusListEntry(settings.statusListUri(record.listId()), record.listIndex()),
                key);
    }

    private CardContent content(IssuedCredential credential) {
        Identity identity = credential.request().identity();
        return new CardContent(
                settings.issuerName(),
                mapper.primaryName(identity).orElse(""),
                identity.fields().getString("dateOfBirth", ""),
                identity.uin(),
                LocalDate.ofInstant(credential.request().expiresAt(), ZoneOffset.UTC),
                mapper.photo(identity).flatMap(photo -> PhotoDecoder.decode(photo, CARD_PHOTO_PIXELS)),
                credential.qr());
    }
}
