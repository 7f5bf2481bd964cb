package app.wellkeep.vitals;

import java.util.Arrays;

/**
 * The readings of one block (one person, metric, stage and source on one UTC day), held as parallel arrays and
 * stored packed: a few bytes per reading instead of a row each, which is what makes imports of millions of readings
 * fast and years of minute-level heart rate small. A reading's identity inside a block is its start and end; times
 * are kept to the millisecond, offsets to the second, values exactly (a double in, the same double out).
 * <p>
 * Packed form, version 1: the count and the usual offset as varints, then per reading a flag byte (bits 0-1: the
 * value is an integer times 10^-n, bit 2: the value is a raw double, bit 3: it has a duration, bit 4: its offset
 * differs from the usual one), the start as milliseconds since the previous start (the first since the day's start),
 * the duration, the offset, and the value.
 */
final class Series {

    static final int VERSION = 1;
    static final long DAY_MS = 86_400_000L;

    private static final double[] SCALES = {1, 10, 100, 1000};

    private long[] starts;
    private int[] durations;
    private int[] offsets;
    private double[] values;
    private int size;

    Series(int capacity) {
        starts = new long[Math.max(4, capacity)];
        durations = new int[starts.length];
        offsets = new int[starts.length];
        values = new double[starts.length];
    }

    int size() {
        return size;
    }

    /** Epoch milliseconds. */
    long start(int i) {
        return starts[i];
    }

    long end(int i) {
        return starts[i] + durations[i];
    }

    int duration(int i) {
        return durations[i];
    }

    int offset(int i) {
        return offsets[i];
    }

    double value(int i) {
        return values[i];
    }

    void add(long startMs, long endMs, int offsetSeconds, double value) {
        if (size == starts.length) {
            int capacity = size * 2;
            starts = Arrays.copyOf(starts, capacity);
            durations = Arrays.copyOf(durations, capacity);
            offsets = Arrays.copyOf(offsets, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        starts[size] = startMs;
        durations[size] = Math.toIntExact(endMs - startMs);
        offsets[size] = offsetSeconds;
        values[size] = value;
        size++;
    }

    private void add(Series from, int i) {
        add(from.starts[i], from.end(i), from.offsets[i], from.values[i]);
    }

    private static int compare(Series a, int i, Series b, int j) {
        int byStart = Long.compare(a.starts[i], b.starts[j]);
        return byStart != 0 ? byStart : Integer.compare(a.durations[i], b.durations[j]);
    }

    /**
     * Sorts by start, then end, and drops readings whose identity came earlier (the first one stays); returns how
     * many were dropped. Input in time order, as devices write it, is only checked.
     */
    int sortAndDeduplicate() {
        boolean sorted = true;
        for (int i = 1; i < size && sorted; i++) {
            sorted = compare(this, i - 1, this, i) < 0;
        }
        if (!sorted) {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            // Stable: of two readings with one identity, the one listed first is kept.
            Arrays.sort(order, (x, y) -> compare(this, x, this, y));
            Series copy = new Series(size);
            for (Integer i : order) {
                copy.add(this, i);
            }
            replaceWith(copy);
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (kept > 0 && compare(this, kept - 1, this, i) == 0) {
                continue;
            }
            starts[kept] = starts[i];
            durations[kept] = durations[i];
            offsets[kept] = offsets[i];
            values[kept] = values[i];
            kept++;
        }
        int dropped = size - kept;
        size = kept;
        return dropped;
    }

    private void replaceWith(Series other) {
        starts = other.starts;
        durations = other.durations;
        offsets = other.offsets;
        values = other.values;
        size = other.size;
    }

    /** Both sorted: this and {@code other} together, sorted; on equal identities this one's reading stays. */
    Series union(Series other) {
        Series merged = new Series(size + other.size);
        int i = 0;
        int j = 0;
        while (i < size || j < other.size) {
            if (j == other.size || i < size && compare(this, i, other, j) <= 0) {
                if (j < other.size && compare(this, i, other, j) == 0) {
                    j++;
                }
                merged.add(this, i++);
            } else {
                merged.add(other, j++);
            }
        }
        return merged;
    }

    /** Both sorted: the readings of this one whose identity {@code other} does not have. */
    Series minus(Series other) {
        Series rest = new Series(size);
        int j = 0;
        for (int i = 0; i < size; i++) {
            while (j < other.size && compare(other, j, this, i) < 0) {
                j++;
            }
            if (j == other.size || compare(other, j, this, i) != 0) {
                rest.add(this, i);
            }
        }
        return rest;
    }

    /** Whether reading {@code i} identifies as {@code start} to {@code end}. */
    boolean is(int i, long startMs, long endMs) {
        return starts[i] == startMs && durations[i] == endMs - startMs;
    }

    // Packing.

    byte[] encode(long dayStartMs) {
        Writer out = new Writer(size * 6 + 16);
        out.put(VERSION);
        int usual = usualOffset();
        out.varLong(size);
        out.varLong(zigzag(usual));
        long previous = dayStartMs;
        for (int i = 0; i < size; i++) {
            double value = values[i];
            int scale = scale(value);
            int flags = scale < 0 ? 4 : scale;
            if (durations[i] != 0) {
                flags |= 8;
            }
            if (offsets[i] != usual) {
                flags |= 16;
            }
            out.put(flags);
            out.varLong(starts[i] - previous);
            previous = starts[i];
            if (durations[i] != 0) {
                out.varLong(durations[i]);
            }
            if (offsets[i] != usual) {
                out.varLong(zigzag(offsets[i]));
            }
            if (scale < 0) {
                long bits = Double.doubleToRawLongBits(value);
                for (int b = 0; b < 8; b++) {
                    out.put((int) (bits >>> (8 * b)));
                }
            } else {
                out.varLong(zigzag(Math.round(value * SCALES[scale])));
            }
        }
        return out.bytes();
    }

    static Series decode(byte[] packed, long dayStartMs) {
        Reader in = new Reader(packed);
        int version = in.next();
        if (version != VERSION) {
            throw new IllegalStateException("Unknown block version " + version);
        }
        int count = Math.toIntExact(in.varLong());
        int usual = (int) unzigzag(in.varLong());
        Series series = new Series(count);
        long start = dayStartMs;
        for (int i = 0; i < count; i++) {
            int flags = in.next();
            start += in.varLong();
            long duration = (flags & 8) != 0 ? in.varLong() : 0;
            int offset = (flags & 16) != 0 ? (int) unzigzag(in.varLong()) : usual;
            double value;
            if ((flags & 4) != 0) {
                long bits = 0;
                for (int b = 0; b < 8; b++) {
                    bits |= (long) in.next() << (8 * b);
                }
                value = Double.longBitsToDouble(bits);
            } else {
                value = unzigzag(in.varLong()) / SCALES[flags & 3];
            }
            series.add(start, start + duration, offset, value);
        }
        return series;
    }

    /** The power of ten that makes the value a whole number exactly, up to 3; -1 for none. */
    private static int scale(double value) {
        for (int s = 0; s < SCALES.length; s++) {
            double scaled = value * SCALES[s];
            if (Math.abs(scaled) < 1e15 && Math.rint(scaled) == scaled && Math.round(scaled) / SCALES[s] == value
                    && Double.doubleToRawLongBits(value) != Double.doubleToRawLongBits(-0.0)) {
                return s;
            }
        }
        return -1;
    }

    /** The offset most readings share (a majority vote), written once for the block. */
    private int usualOffset() {
        int candidate = 0;
        int votes = 0;
        for (int i = 0; i < size; i++) {
            if (votes == 0) {
                candidate = offsets[i];
            }
            votes += offsets[i] == candidate ? 1 : -1;
        }
        return candidate;
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /**
     * Readings appended as they arrive, packed at once (a few bytes each instead of 24): what an import holds in
     * memory. Readings come in time order from every export, mostly; a reading listed twice in a row is dropped as a
     * repeat, and the first reading out of order turns the block back into arrays, sorted when it is read.
     */
    static final class Appender {

        private final long dayStartMs;
        private Writer entries = new Writer(32);
        private Series unordered;
        private int count;
        private int usual;
        private long lastStart = Long.MIN_VALUE;
        private int lastDuration;
        private long firstStart = Long.MAX_VALUE;
        private long lastEnd = Long.MIN_VALUE;
        private int repeats;

        Appender(long dayStartMs) {
            this.dayStartMs = dayStartMs;
        }

        static Appender of(Series series, long dayStartMs) {
            Appender appender = new Appender(dayStartMs);
            for (int i = 0; i < series.size(); i++) {
                appender.add(series.start(i), series.end(i), series.offset(i), series.value(i));
            }
            return appender;
        }

        void add(long startMs, long endMs, int offset, double value) {
            firstStart = Math.min(firstStart, startMs);
            lastEnd = Math.max(lastEnd, endMs);
            if (unordered != null) {
                unordered.add(startMs, endMs, offset, value);
                return;
            }
            int duration = Math.toIntExact(endMs - startMs);
            if (count > 0 && startMs == lastStart && duration == lastDuration) {
                repeats++;
                return;
            }
            if (count > 0 && (startMs < lastStart || startMs == lastStart && duration < lastDuration)) {
                unordered = decode(packed(), dayStartMs);
                entries = null;
                unordered.add(startMs, endMs, offset, value);
                return;
            }
            if (count == 0) {
                usual = offset;
            }
            int scale = scale(value);
            int flags = scale < 0 ? 4 : scale;
            if (duration != 0) {
                flags |= 8;
            }
            if (offset != usual) {
                flags |= 16;
            }
            entries.put(flags);
            entries.varLong(startMs - (count == 0 ? dayStartMs : lastStart));
            if (duration != 0) {
                entries.varLong(duration);
            }
            if (offset != usual) {
                entries.varLong(zigzag(offset));
            }
            if (scale < 0) {
                long bits = Double.doubleToRawLongBits(value);
                for (int b = 0; b < 8; b++) {
                    entries.put((int) (bits >>> (8 * b)));
                }
            } else {
                entries.varLong(zigzag(Math.round(value * SCALES[scale])));
            }
            lastStart = startMs;
            lastDuration = duration;
            count++;
        }

        /** Readings added, repeats not counted (and, out of order, not yet dropped). */
        int size() {
            return unordered != null ? unordered.size() : count;
        }

        /** Readings dropped because the one before was the same reading. */
        int repeats() {
            return repeats;
        }

        long firstStart() {
            return firstStart;
        }

        long lastEnd() {
            return lastEnd;
        }

        /** Sorts and drops repeats, once the block is complete; returns how many more repeats that found. */
        int settle() {
            if (unordered == null) {
                return 0;
            }
            int dropped = unordered.sortAndDeduplicate();
            repeats += dropped;
            Series sorted = unordered;
            unordered = null;
            entries = new Writer(sorted.size() * 5 + 16);
            count = 0;
            lastStart = Long.MIN_VALUE;
            for (int i = 0; i < sorted.size(); i++) {
                add(sorted.start(i), sorted.end(i), sorted.offset(i), sorted.value(i));
            }
            return dropped;
        }

        /** The readings in the stored form; {@link #settle} first. */
        byte[] packed() {
            if (unordered != null) {
                throw new IllegalStateException("An unsettled block");
            }
            Writer header = new Writer(16);
            header.put(VERSION);
            header.varLong(count);
            header.varLong(zigzag(usual));
            byte[] head = header.bytes();
            byte[] body = entries.bytes();
            byte[] all = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            return all;
        }

        /** The readings unpacked; {@link #settle} first. */
        Series series() {
            return decode(packed(), dayStartMs);
        }
    }

    /** A growing byte array, unsynchronised: encoding is a hot loop of an import. */
    private static final class Writer {

        private byte[] bytes;
        private int at;

        Writer(int capacity) {
            bytes = new byte[capacity];
        }

        void put(int b) {
            if (at == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[at++] = (byte) b;
        }

        void varLong(long v) {
            while ((v & ~0x7FL) != 0) {
                put((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            put((int) v);
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, at);
        }
    }

    private static final class Reader {

        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int next() {
            return bytes[at++] & 0xFF;
        }

        long varLong() {
            long v = 0;
            for (int shift = 0;; shift += 7) {
                int b = next();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
        }
    }
}
