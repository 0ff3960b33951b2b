package org.civis.verifier.internal.envelope;

import java.util.HexFormat;
import java.util.Optional;
import org.apache.commons.codec.binary.Base45;
import org.civis.verifier.internal.Bounds;
import org.civis.verifier.internal.Step;
import org.civis.verifier.verdict.ErrorCode;

/** QR text to the CBOR bytes of the COSE message inside it. */
public final class QrTextDecoder {
    // commons-codec's Base45 is strict by default: it refuses characters outside the alphabet,
    // triplets above 65535, pairs above 255 and a dangling single character (tests pin this).
    private static final Base45 BASE45 = new Base45();

    private final Bounds limits;

    public QrTextDecoder(Bounds limits) {
        this.limits = limits;
    }

    public Step<byte[]> decode(String qrText) {
        String text = stripLineEnd(qrText);
        if (text.isEmpty()) {
            return Step.refuse(ErrorCode.INPUT_EMPTY, "no QR text");
        }
        if (text.length() > limits.maxTextLength()) {
            return Step.refuse(ErrorCode.INPUT_TOO_LARGE, "QR text longer than " + limits.maxTextLength());
        }
        Optional<String> unprefixed = ContextPrefix.strip(text);
        if (unprefixed.isEmpty()) {
            return inflate(base45(text));
        }
        if (unprefixed.get().isEmpty()) {
            return Step.refuse(ErrorCode.PREFIX_INVALID, "nothing after the context prefix");
        }
        // Prefer the reading without the prefix; the whole text only if that is not zlib data.
        Optional<byte[]> compressed = base45Zlib(unprefixed.get());
        if (compressed.isPresent()) {
            return inflate(Step.ok(compressed.get()));
        }
        Optional<byte[]> whole = base45Zlib(text);
        if (whole.isPresent()) {
            return inflate(Step.ok(whole.get()));
        }
        return inflate(base45(unprefixed.get()));
    }

    private Step<byte[]> inflate(Step<byte[]> compressed) {
        if (compressed.isRefused()) {
            return compressed;
        }
        Step<byte[]> inflated = BoundedInflater.inflate(compressed.value(), limits.maxInflatedBytes());
        return inflated.isRefused() ? inflated : Step.ok(unwrapHexText(inflated.value()));
    }

    private static Optional<byte[]> base45Zlib(String text) {
        Step<byte[]> bytes = base45(text);
        return !bytes.isRefused() && BoundedInflater.looksLikeZlib(bytes.value())
                ? Optional.of(bytes.value())
                : Optional.empty();
    }

    static Step<byte[]> base45(String text) {
        try {
            return Step.ok(BASE45.decode(text));
        } catch (IllegalArgumentException e) {
            // The library's message names the offending character or value, never more of the text.
            return Step.refuse(ErrorCode.BASE45_INVALID, e.getMessage());
        }
    }

    /**
     * MOSIP's reference issuer compresses the hex text of the CWT rather than its bytes. A COSE
     * message starts with a tag or array head (0x84, 0xD0, 0xD2, 0xD8), never an ASCII hex digit,
     * so the two cannot be confused.
     */
    static byte[] unwrapHexText(byte[] inflated) {
        if (inflated.length == 0 || inflated.length % 2 != 0) {
            return inflated;
        }
        for (byte b : inflated) {
            if (Character.digit(b, 16) < 0) {
                return inflated;
            }
        }
        return HexFormat.of().parseHex(new String(inflated, java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String stripLineEnd(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
