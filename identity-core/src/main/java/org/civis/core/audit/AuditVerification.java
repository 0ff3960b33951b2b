package org.civis.core.audit;

import java.util.HexFormat;

/**
 * The outcome of checking the chain: intact, or the first entry whose link is broken and why.
 *
 * @param entriesChecked entries read before stopping
 * @param firstBrokenSeq the sequence number of the first bad entry, or -1 when intact
 * @param problem why that entry is bad, or null when intact
 * @param headHash hex of the last good hash; record it elsewhere to detect later truncation
 * @param pendingEntries entries recorded but not chained yet (none once the chainer has run)
 */
public record AuditVerification(
        long entriesChecked, long firstBrokenSeq, Problem problem, String headHash, long pendingEntries) {

    /** Why a link is broken. */
    public enum Problem {
        /** The entry's fields no longer produce its stored hash: the row was edited. */
        HASH_MISMATCH,
        /** The entry does not point at the hash of the entry before it: a row was removed or replaced. */
        PREVIOUS_HASH_MISMATCH,
        /** A sequence number is missing: a row was removed. */
        SEQUENCE_GAP,
        /** The head row does not match the last entry: the tail was cut or the head was edited. */
        HEAD_MISMATCH
    }

    public boolean intact() {
        return problem == null;
    }

    static AuditVerification intact(long checked, byte[] head, long pending) {
        return new AuditVerification(checked, -1, null, HexFormat.of().formatHex(head), pending);
    }

    static AuditVerification broken(long checked, long seq, Problem problem, byte[] lastGood, long pending) {
        return new AuditVerification(checked, seq, problem, HexFormat.of().formatHex(lastGood), pending);
    }
}
