package org.civis.core.biometrics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.civis.core.schema.FingerPosition;

/**
 * The plaintext of an identity's template row: per finger, the position's ISO code and the ISO
 * record. Binary and minimal, because the gallery decodes every row at start; the auth cache keeps
 * the same form.
 */
public final class FingerprintRecord {
    private static final int FORMAT_VERSION = 1;

    private FingerprintRecord() {}

    public static byte[] encode(List<EnrolledFingerprint> fingers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeByte(fingers.size());
            for (EnrolledFingerprint finger : fingers) {
                byte[] iso = finger.isoTemplate();
                out.writeByte(finger.position().isoCode());
                out.writeInt(iso.length);
                out.write(iso);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    public static List<EnrolledFingerprint> decode(byte[] record) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION) {
                throw new IllegalStateException("unknown fingerprint record format " + version);
            }
            int count = in.readUnsignedByte();
            List<EnrolledFingerprint> fingers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                FingerPosition position = positionOf(in.readUnsignedByte());
                byte[] iso = new byte[in.readInt()];
                in.readFully(iso);
                fingers.add(new EnrolledFingerprint(position, iso));
            }
            return fingers;
        } catch (IOException truncated) {
            // The record was authenticated by AES-GCM on the way out of the database, so this is a bug.
            throw new IllegalStateException("a fingerprint record is truncated", truncated);
        }
    }

    private static FingerPosition positionOf(int isoCode) {
        for (FingerPosition position : FingerPosition.values()) {
            if (position.isoCode() == isoCode) {
                return position;
            }
        }
        throw new IllegalStateException("unknown finger position code " + isoCode);
    }
}
