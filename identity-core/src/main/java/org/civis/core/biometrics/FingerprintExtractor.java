package org.civis.core.biometrics;

import com.machinezoo.fingerprintio.TemplateFormat;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Position;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Template;
import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintImage;
import com.machinezoo.sourceafis.FingerprintImageOptions;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.util.List;
import org.civis.core.schema.FingerPosition;
import org.civis.core.schema.FingerprintFormat;
import org.civis.core.schema.ViolationCode;

/**
 * Turns a capture into a template, or says with a stable code why it cannot be used. Images go
 * through SourceAFIS's extractor; ISO and ANSI templates through its importer. Either way the
 * result is stored as an ISO/IEC 19794-2:2005 record carrying the declared finger position.
 * CPU-bound (tens of milliseconds per image): call it on a {@link BiometricWorkers} thread.
 */
public final class FingerprintExtractor {
    private final int minMinutiae;

    public FingerprintExtractor(int minMinutiae) {
        this.minMinutiae = minMinutiae;
    }

    /** The outcome for one finger: a template, or a refusal with a code and a message for people. */
    public sealed interface Extraction {
        record Extracted(EnrolledFingerprint stored, PreparedFingerprint prepared, int minutiae)
                implements Extraction {}

        record Refused(ViolationCode code, String message) implements Extraction {}
    }

    public Extraction extract(CapturedFingerprint capture) {
        Decoding decoding = capture.isTemplate() ? importTemplate(capture) : extractFromImage(capture);
        return decoding instanceof Decoding.Decoded decoded
                ? gate(capture.position(), decoded.template())
                : ((Decoding.Undecodable) decoding).refused();
    }

    /** The first step's outcome: a template to put through the gate, or why there is none. */
    private sealed interface Decoding {
        record Decoded(FingerprintTemplate template) implements Decoding {}

        record Undecodable(Extraction.Refused refused) implements Decoding {
            Undecodable(ViolationCode code, String message) {
                this(new Extraction.Refused(code, message));
            }
        }
    }

    /** The quality gate, then the stored form: an ISO record that names the declared position. */
    private Extraction gate(FingerPosition position, FingerprintTemplate template) {
        Iso19794p2v2005Template iso = new Iso19794p2v2005Template(
                FingerprintCompatibility.exportTemplates(TemplateFormat.ISO_19794_2_2005, template));
        int minutiae = iso.fingerprints.get(0).minutiae.size();
        if (minutiae < minMinutiae) {
            return new Extraction.Refused(
                    ViolationCode.FINGER_TOO_FEW_MINUTIAE,
                    "has " + minutiae + " minutiae; at least " + minMinutiae + " are needed");
        }
        iso.fingerprints.get(0).position = isoPosition(position);
        return new Extraction.Extracted(
                new EnrolledFingerprint(position, iso.toByteArray()),
                new PreparedFingerprint(position, template),
                minutiae);
    }

    /** Exhaustive: a finger position added here, or a constant renamed on either side, fails to compile, not at run time. */
    static Iso19794p2v2005Position isoPosition(FingerPosition position) {
        return switch (position) {
            case UNKNOWN -> Iso19794p2v2005Position.UNKNOWN;
            case RIGHT_THUMB -> Iso19794p2v2005Position.RIGHT_THUMB;
            case RIGHT_INDEX -> Iso19794p2v2005Position.RIGHT_INDEX;
            case RIGHT_MIDDLE -> Iso19794p2v2005Position.RIGHT_MIDDLE;
            case RIGHT_RING -> Iso19794p2v2005Position.RIGHT_RING;
            case RIGHT_LITTLE -> Iso19794p2v2005Position.RIGHT_LITTLE;
            case LEFT_THUMB -> Iso19794p2v2005Position.LEFT_THUMB;
            case LEFT_INDEX -> Iso19794p2v2005Position.LEFT_INDEX;
            case LEFT_MIDDLE -> Iso19794p2v2005Position.LEFT_MIDDLE;
            case LEFT_RING -> Iso19794p2v2005Position.LEFT_RING;
            case LEFT_LITTLE -> Iso19794p2v2005Position.LEFT_LITTLE;
        };
    }

    /** Rebuilds the comparable form of a stored finger; stored records were validated on the way in. */
    public static PreparedFingerprint prepare(EnrolledFingerprint stored) {
        return new PreparedFingerprint(
                stored.position(), FingerprintCompatibility.importTemplate(stored.isoTemplate()));
    }

    private static Decoding extractFromImage(CapturedFingerprint capture) {
        String expected = "must be a decodable " + capture.format().jsonName() + " image";
        if (!ImageBounds.withinLimit(capture.format(), capture.data())) {
            return new Decoding.Undecodable(
                    ViolationCode.FINGER_IMAGE_UNREADABLE,
                    expected + " of at most " + ImageBounds.MAX_MEGAPIXELS + " megapixels");
        }
        try {
            return new Decoding.Decoded(new FingerprintTemplate(
                    new FingerprintImage(capture.data(), new FingerprintImageOptions().dpi(capture.dpi()))));
        } catch (RuntimeException undecodable) {
            // SourceAFIS reports a broken image with assorted runtime exceptions; the bytes are the
            // client's, so none of them is our bug, and none is logged (the image is personal data).
            return new Decoding.Undecodable(ViolationCode.FINGER_IMAGE_UNREADABLE, expected);
        }
    }

    private static Decoding importTemplate(CapturedFingerprint capture) {
        boolean declaredIso = capture.format() == FingerprintFormat.ISO_19794_2;
        Decoding refused = new Decoding.Undecodable(
                ViolationCode.FINGER_TEMPLATE_UNREADABLE,
                "must be an " + (declaredIso ? "ISO/IEC 19794-2" : "ANSI/INCITS 378")
                        + " record of exactly one finger");
        try {
            TemplateFormat format = TemplateFormat.identify(capture.data());
            if (format == null || isIso(format) != declaredIso) {
                return refused;
            }
            // The importer reports a malformed record with assorted runtime exceptions, caught below.
            List<FingerprintTemplate> views = FingerprintCompatibility.importTemplates(capture.data());
            return views.size() == 1 ? new Decoding.Decoded(views.get(0)) : refused;
        } catch (RuntimeException malformed) {
            return refused;
        }
    }

    private static boolean isIso(TemplateFormat format) {
        return format == TemplateFormat.ISO_19794_2_2005 || format == TemplateFormat.ISO_19794_2_2011;
    }
}
