package org.civis.verifier.image;

import java.time.Instant;
import java.util.Objects;
import org.civis.verifier.VerificationResult;
import org.civis.verifier.Verifier;
import org.civis.verifier.verdict.VerificationError;

/** What {@link QrImageReader} found in a picture: the QR text, or why there is none to read. */
public sealed interface QrReading permits QrReading.Found, QrReading.NotFound {

    /** Verifies the text found; a picture without a readable code is a MALFORMED credential at the QR stage. */
    VerificationResult verify(Verifier verifier, Instant at);

    /** The text of the QR code, as a scanner app would pass it to {@link Verifier#verify(String, Instant)}. */
    record Found(String text) implements QrReading {
        public Found {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public VerificationResult verify(Verifier verifier, Instant at) {
            return verifier.verify(text, at);
        }
    }

    /** No code could be read: {@code QR_NOT_FOUND}, or {@code QR_IMAGE_UNREADABLE} for a picture that is not one. */
    record NotFound(VerificationError error) implements QrReading {
        public NotFound {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public VerificationResult verify(Verifier verifier, Instant at) {
            return VerificationResult.rejected(error.code(), error.message());
        }
    }
}
