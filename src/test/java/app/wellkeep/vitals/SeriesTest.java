package app.wellkeep.vitals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Packing readings: exact round trips, identity by start and end, and the set operations imports rely on. */
class SeriesTest {

    static final long DAY = 20_000 * Series.DAY_MS;

    record Row(long start, long end, int offset, double value) {
    }

    static List<Row> rows(Series s) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            rows.add(new Row(s.start(i), s.end(i), s.offset(i), s.value(i)));
        }
        return rows;
    }

    static Series of(Row... rows) {
        Series s = new Series(1);
        for (Row r : rows) {
            s.add(r.start(), r.end(), r.offset(), r.value());
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 62, -3, 0.1, 0.254, 72.35, 98.6, 1234.5678, 1e-9, 123456789.123, Math.PI, -0.0,
            Double.MIN_VALUE, 1e300})
    void everyValueComesBackExactly(double value) {
        Series s = of(new Row(DAY + 1000, DAY + 1000, -18_000, value));
        Series back = Series.decode(s.encode(DAY), DAY);
        assertEquals(Double.doubleToRawLongBits(value), Double.doubleToRawLongBits(back.value(0)));
    }

    @Test
    void aDayOfMinuteHeartRateRoundTripsInAFewBytesEach() {
        Random random = new Random(7);
        Series s = new Series(16);
        for (int minute = 0; minute < 1440; minute++) {
            // One offset change in the day, as on the day clocks change.
            s.add(DAY + minute * 60_000L, DAY + minute * 60_000L, minute < 120 ? 3600 : 7200, 50 + random.nextInt(80));
        }
        byte[] packed = s.encode(DAY);
        assertEquals(rows(s), rows(Series.decode(packed, DAY)));
        assertTrue(packed.length < 1440 * 7, "packed into " + packed.length + " bytes");
    }

    @Test
    void intervalsAndMillisecondsAreKept() {
        Series s = of(new Row(DAY + 1, DAY + 8 * 3_600_000L + 7, 0, 480.5),
                new Row(DAY + 86_399_999L, DAY + 86_399_999L + 172_000_000L, -34_200, 3));
        assertEquals(rows(s), rows(Series.decode(s.encode(DAY), DAY)));
    }

    @Test
    void sortingKeepsTheFirstOfEachIdentity() {
        Series s = of(new Row(DAY + 300, DAY + 300, 0, 3), new Row(DAY + 100, DAY + 100, 0, 1),
                new Row(DAY + 300, DAY + 300, 0, 99), new Row(DAY + 100, DAY + 200, 0, 2));
        assertEquals(1, s.sortAndDeduplicate());
        assertEquals(List.of(new Row(DAY + 100, DAY + 100, 0, 1), new Row(DAY + 100, DAY + 200, 0, 2),
                new Row(DAY + 300, DAY + 300, 0, 3)), rows(s));
    }

    @Test
    void unionAndMinusGoByIdentity() {
        Series stored = of(new Row(DAY + 100, DAY + 100, 0, 1), new Row(DAY + 300, DAY + 300, 0, 3));
        Series incoming = of(new Row(DAY + 100, DAY + 100, 0, 7), new Row(DAY + 200, DAY + 200, 0, 2),
                new Row(DAY + 300, DAY + 400, 0, 4));
        assertEquals(List.of(new Row(DAY + 200, DAY + 200, 0, 2), new Row(DAY + 300, DAY + 400, 0, 4)),
                rows(incoming.minus(stored)));
        assertEquals(List.of(new Row(DAY + 100, DAY + 100, 0, 1), new Row(DAY + 200, DAY + 200, 0, 2),
                new Row(DAY + 300, DAY + 300, 0, 3), new Row(DAY + 300, DAY + 400, 0, 4)),
                rows(stored.union(incoming)), "on equal identities the stored reading stays");
    }

    @Test
    void readingsAppendedInOrderArePackedAsTheyComeAndRepeatsDropped() {
        Series.Appender appender = new Series.Appender(DAY);
        appender.add(DAY + 100, DAY + 100, 3600, 61);
        appender.add(DAY + 100, DAY + 100, 3600, 61);
        appender.add(DAY + 200, DAY + 260, 7200, 62.5);
        assertEquals(0, appender.settle());
        assertEquals(2, appender.size());
        assertEquals(1, appender.repeats());
        assertEquals(List.of(new Row(DAY + 100, DAY + 100, 3600, 61), new Row(DAY + 200, DAY + 260, 7200, 62.5)),
                rows(appender.series()));
        assertEquals(DAY + 100, appender.firstStart());
        assertEquals(DAY + 260, appender.lastEnd());
    }

    @Test
    void aReadingOutOfOrderIsSortedInWhenTheBlockSettles() {
        Series.Appender appender = new Series.Appender(DAY);
        appender.add(DAY + 300, DAY + 300, 0, 3);
        appender.add(DAY + 100, DAY + 100, 0, 1);
        appender.add(DAY + 300, DAY + 300, 0, 9);
        appender.add(DAY + 200, DAY + 200, 0, 2);
        assertEquals(1, appender.settle(), "the second reading at 300 is a repeat");
        assertEquals(List.of(new Row(DAY + 100, DAY + 100, 0, 1), new Row(DAY + 200, DAY + 200, 0, 2),
                new Row(DAY + 300, DAY + 300, 0, 3)), rows(appender.series()));
        assertEquals(rows(appender.series()), rows(Series.decode(appender.packed(), DAY)));
    }
}
