package com.venuedesk.server.sync;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in the change log: the (transaction id, sequence) of the last change a desk has. Desks treat the wire
 * form as an opaque string and only hand it back as {@code since}.
 */
public record Cursor(long txId, long seq) implements Comparable<Cursor> {
    /** Before the first change. */
    public static final Cursor START = new Cursor(0, 0);
    private static final String PREFIX = "v1:";

    /** The wire form: base64url of {@code v1:<txId>:<seq>}. */
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + txId + ":" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a cursor this server handed out; blank means {@link #START}. */
    public static Cursor parse(String wire) {
        if (wire == null || wire.isBlank()) {
            return START;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(wire.strip()), StandardCharsets.US_ASCII);
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException("not a change-log cursor");
            }
            String[] parts = text.substring(PREFIX.length()).split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a change-log cursor");
            }
            Cursor cursor = new Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            if (cursor.txId < 0 || cursor.seq < 0) {
                throw new IllegalArgumentException("not a change-log cursor");
            }
            return cursor;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("since is not a cursor this server handed out", e);
        }
    }

    @Override
    public int compareTo(Cursor o) {
        int byTx = Long.compare(txId, o.txId);
        return byTx != 0 ? byTx : Long.compare(seq, o.seq);
    }
}
