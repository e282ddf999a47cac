package com.venuedesk.server.history;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in the venue's history: the (epoch, transaction id, sequence) of the last change a reader has. Desks
 * treat the wire form as an opaque string and only hand it back as {@code since}; the wire form also names the log
 * it belongs to, so that a cursor of another database is recognised (see {@link Wire}).
 */
public record Cursor(int epoch, long txId, long seq) implements Comparable<Cursor> {
    /** Before the first change. */
    public static final Cursor START = new Cursor(0, 0, 0);
    private static final String V1 = "v1:";
    private static final String V2 = "v2:";

    /** A cursor as a desk handed it back: the log it came from (null for the first version's) and the position. */
    public record Wire(UUID logId, Cursor position) { }

    public Cursor {
        if (epoch < 0 || txId < 0 || seq < 0) {
            throw new IllegalArgumentException("not a change-log cursor");
        }
    }

    /** Before the first change of {@code epoch}. */
    public static Cursor startOf(int epoch) {
        return new Cursor(epoch, 0, 0);
    }

    /** The wire form: base64url of {@code v2:<logId>:<epoch>:<txId>:<seq>}. */
    public String encode(UUID logId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (V2 + logId + ":" + epoch + ":" + txId + ":" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position of a cursor this server handed out; blank means {@link #START}. */
    public static Cursor parse(String wire) {
        return parseWire(wire).position();
    }

    /**
     * Reads a cursor this server (or one before this version: {@code v1:<txId>:<seq>}, which knew only the first
     * epoch and no log id) handed out; blank means {@link #START} of any log.
     */
    public static Wire parseWire(String wire) {
        if (wire == null || wire.isBlank()) {
            return new Wire(null, START);
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(wire.strip()), StandardCharsets.US_ASCII);
            if (text.startsWith(V1)) {
                String[] parts = parts(text.substring(V1.length()), 2);
                return new Wire(null, new Cursor(1, Long.parseLong(parts[0]), Long.parseLong(parts[1])));
            }
            if (text.startsWith(V2)) {
                String[] parts = parts(text.substring(V2.length()), 4);
                return new Wire(UUID.fromString(parts[0]), new Cursor(Integer.parseInt(parts[1]),
                        Long.parseLong(parts[2]), Long.parseLong(parts[3])));
            }
            throw new IllegalArgumentException("not a change-log cursor");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("since is not a cursor this server handed out", e);
        }
    }

    private static String[] parts(String text, int count) {
        String[] parts = text.split(":", -1);
        if (parts.length != count) {
            throw new IllegalArgumentException("not a change-log cursor");
        }
        return parts;
    }

    @Override
    public int compareTo(Cursor o) {
        int byEpoch = Integer.compare(epoch, o.epoch);
        if (byEpoch != 0) {
            return byEpoch;
        }
        int byTx = Long.compare(txId, o.txId);
        return byTx != 0 ? byTx : Long.compare(seq, o.seq);
    }
}
