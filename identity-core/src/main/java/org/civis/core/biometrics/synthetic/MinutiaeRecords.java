package org.civis.core.biometrics.synthetic;

import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004Fingerprint;
import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004Minutia;
import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004MinutiaType;
import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004Position;
import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004ScanType;
import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004Template;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Fingerprint;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Minutia;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005MinutiaType;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Position;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005ScanType;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Template;
import java.util.List;
import org.civis.core.schema.FingerPosition;

/**
 * Writes one view of synthetic minutiae as a standard minutiae record. fingerprintio validates
 * every field while serializing, so a record that comes out of here is well-formed.
 */
final class MinutiaeRecords {

    /**
     * Neither format can say "synthetic", so both carry a fixed, plausible quality: it must not be
     * read as a measurement.
     */
    private static final int QUALITY = 60;

    /**
     * ANSI 378 requires a non-zero CBEFF product owner; 0xFFFF is not assigned to any vendor, so
     * these records cannot be mistaken for a real product's.
     */
    private static final int ANSI_VENDOR_ID = 0xFFFF;

    private static final double FULL_TURN = 2 * Math.PI;

    private MinutiaeRecords() {}

    /** An ISO/IEC 19794-2:2005 record with one finger view. */
    static byte[] iso19794p2(List<SyntheticMinutia> minutiae, FingerPosition position) {
        requireCountable(minutiae);
        Iso19794p2v2005Template record = new Iso19794p2v2005Template();
        record.width = SensorImage.WIDTH;
        record.height = SensorImage.HEIGHT;
        record.resolutionX = SensorImage.PIXELS_PER_CM;
        record.resolutionY = SensorImage.PIXELS_PER_CM;
        Iso19794p2v2005Fingerprint view = new Iso19794p2v2005Fingerprint();
        // fingerprintio declares the positions in code order, so the ISO code is the ordinal
        // (UNKNOWN is 0); the tests read the code back from the written bytes.
        view.position = Iso19794p2v2005Position.values()[position.isoCode()];
        view.view = 0;
        view.scanType = Iso19794p2v2005ScanType.LIVE_PLAIN;
        view.quality = QUALITY;
        view.minutiae = minutiae.stream().map(MinutiaeRecords::isoMinutia).toList();
        record.fingerprints = List.of(view);
        return record.toByteArray();
    }

    /** An ANSI/INCITS 378-2004 record with one finger view. */
    static byte[] ansi378(List<SyntheticMinutia> minutiae, FingerPosition position) {
        requireCountable(minutiae);
        Ansi378v2004Template record = new Ansi378v2004Template();
        record.vendorId = ANSI_VENDOR_ID;
        record.width = SensorImage.WIDTH;
        record.height = SensorImage.HEIGHT;
        record.resolutionX = SensorImage.PIXELS_PER_CM;
        record.resolutionY = SensorImage.PIXELS_PER_CM;
        Ansi378v2004Fingerprint view = new Ansi378v2004Fingerprint();
        // ANSI 378 uses the same finger position codes as ISO, in the same declaration order.
        view.position = Ansi378v2004Position.values()[position.isoCode()];
        view.view = 0;
        view.scanType = Ansi378v2004ScanType.LIVE_PLAIN;
        view.quality = QUALITY;
        view.minutiae = minutiae.stream().map(MinutiaeRecords::ansiMinutia).toList();
        record.fingerprints = List.of(view);
        return record.toByteArray();
    }

    private static Iso19794p2v2005Minutia isoMinutia(SyntheticMinutia minutia) {
        Iso19794p2v2005Minutia written = new Iso19794p2v2005Minutia();
        written.type = minutia.type() == SyntheticMinutia.Type.ENDING
                ? Iso19794p2v2005MinutiaType.ENDING
                : Iso19794p2v2005MinutiaType.BIFURCATION;
        written.positionX = (int) Math.round(minutia.x());
        written.positionY = (int) Math.round(minutia.y());
        // 256 steps per full turn.
        written.angle = (int) Math.round(minutia.direction() / FULL_TURN * 256) % 256;
        written.quality = QUALITY;
        return written;
    }

    private static Ansi378v2004Minutia ansiMinutia(SyntheticMinutia minutia) {
        Ansi378v2004Minutia written = new Ansi378v2004Minutia();
        written.type = minutia.type() == SyntheticMinutia.Type.ENDING
                ? Ansi378v2004MinutiaType.ENDING
                : Ansi378v2004MinutiaType.BIFURCATION;
        written.positionX = (int) Math.round(minutia.x());
        written.positionY = (int) Math.round(minutia.y());
        // Two-degree steps, 0..179.
        written.angle = (int) Math.round(Math.toDegrees(minutia.direction()) / 2) % 180;
        written.quality = QUALITY;
        return written;
    }

    private static void requireCountable(List<SyntheticMinutia> minutiae) {
        if (minutiae.size() > SensorImage.MAX_RECORD_MINUTIAE) {
            throw new IllegalArgumentException(
                    "a record holds at most " + SensorImage.MAX_RECORD_MINUTIAE + " minutiae per view");
        }
    }
}
