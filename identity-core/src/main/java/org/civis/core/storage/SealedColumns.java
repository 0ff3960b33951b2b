package org.civis.core.storage;

import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.civis.core.crypto.SealedRecord;

/** The four columns (key_id, wrapped_key, nonce, ciphertext) that hold an encrypted record. */
public final class SealedColumns {
    private SealedColumns() {}

    /** Adds the record's four values to a tuple, in column order. */
    public static Tuple append(Tuple tuple, SealedRecord sealed) {
        return tuple.addString(sealed.keyId())
                .addBuffer(Buffer.buffer(sealed.wrappedKey()))
                .addBuffer(Buffer.buffer(sealed.nonce()))
                .addBuffer(Buffer.buffer(sealed.ciphertext()));
    }

    /** Adds the records' four columns as four arrays, for multi-row statements that unnest them. */
    public static Tuple appendArrays(Tuple tuple, List<SealedRecord> sealed) {
        return tuple.addArrayOfString(sealed.stream().map(SealedRecord::keyId).toArray(String[]::new))
                .addArrayOfBuffer(
                        sealed.stream().map(s -> Buffer.buffer(s.wrappedKey())).toArray(Buffer[]::new))
                .addArrayOfBuffer(
                        sealed.stream().map(s -> Buffer.buffer(s.nonce())).toArray(Buffer[]::new))
                .addArrayOfBuffer(
                        sealed.stream().map(s -> Buffer.buffer(s.ciphertext())).toArray(Buffer[]::new));
    }

    /** Reads the record back, or null when the row holds none. */
    public static SealedRecord read(Row row) {
        String keyId = row.getString("key_id");
        if (keyId == null) {
            return null;
        }
        return new SealedRecord(
                keyId,
                row.getBuffer("wrapped_key").getBytes(),
                row.getBuffer("nonce").getBytes(),
                row.getBuffer("ciphertext").getBytes());
    }
}
