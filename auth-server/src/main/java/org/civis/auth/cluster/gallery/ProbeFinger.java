package org.civis.auth.cluster.gallery;

import com.machinezoo.fingerprintio.TemplateFormat;
import com.machinezoo.sourceafis.FingerprintCompatibility;
import java.io.Serializable;
import java.util.List;
import org.civis.core.biometrics.EnrolledFingerprint;
import org.civis.core.biometrics.FingerprintExtractor;
import org.civis.core.biometrics.PreparedFingerprint;
import org.civis.core.schema.FingerPosition;

/**
 * One probe finger on its way to another member: its position and an ISO/IEC 19794-2:2005 record.
 * The standard form rather than SourceAFIS's own serialization, because members in a rolling upgrade
 * may run different SourceAFIS versions and the standard form reads the same on all of them.
 */
record ProbeFinger(FingerPosition position, byte[] iso) implements Serializable {

    static List<ProbeFinger> exported(List<PreparedFingerprint> probe) {
        return probe.stream()
                .map(finger -> new ProbeFinger(
                        finger.position(),
                        FingerprintCompatibility.exportTemplates(TemplateFormat.ISO_19794_2_2005, finger.template())))
                .toList();
    }

    /** The finger ready to compare again, as the gallery prepares its own stored fingers. */
    PreparedFingerprint prepared() {
        return FingerprintExtractor.prepare(new EnrolledFingerprint(position, iso));
    }
}
