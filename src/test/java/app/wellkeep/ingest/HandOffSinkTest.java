package app.wellkeep.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.wellkeep.vitals.Metric;

class HandOffSinkTest {

    /** Records what reaches it, and the thread it runs on. */
    static final class Recording implements ReadingSink {

        final List<String> seen = new ArrayList<>();
        final List<String> threads = new ArrayList<>();
        RuntimeException failAt;
        int failAfter = -1;

        @Override
        public void reading(Metric metric, Instant start, Instant end, int offset, double value, String stage,
                String source, long position) {
            note(metric + " " + start.getEpochSecond() + " " + value + " " + source + " " + position);
        }

        @Override
        public void rejected(long position, Rejection reason, String detail) {
            note("rejected " + position + " " + reason + " " + detail);
        }

        @Override
        public void skipped(String type) {
            note("skipped " + type);
        }

        private void note(String entry) {
            if (failAfter >= 0 && seen.size() == failAfter) {
                throw failAt;
            }
            seen.add(entry);
            threads.add(Thread.currentThread().getName());
        }
    }

    @Test
    void everyEntryArrivesInOrderOnTheOtherThread() {
        Recording target = new Recording();
        List<String> expected = new ArrayList<>();
        try (HandOffSink sink = new HandOffSink(target, "checks")) {
            for (int i = 0; i < HandOffSink.BLOCK * 3 + 17; i++) {
                if (i % 1000 == 7) {
                    sink.rejected(i, Rejection.BAD_TIME, "bad " + i);
                    expected.add("rejected " + i + " BAD_TIME bad " + i);
                } else if (i % 1000 == 8) {
                    sink.skipped("Type" + i);
                    expected.add("skipped Type" + i);
                } else {
                    sink.reading(Metric.STEPS, Instant.ofEpochSecond(i), Instant.ofEpochSecond(i), 0, i, "", "iPhone",
                            i);
                    expected.add("STEPS " + i + " " + (double) i + " iPhone " + i);
                }
            }
            sink.flush();
            assertEquals(expected, target.seen);
            assertEquals(List.of("checks"), target.threads.stream().distinct().toList());
        }
    }

    @Test
    void aFailureOfTheTargetReachesTheImporter() {
        Recording target = new Recording();
        target.failAfter = 5000;
        target.failAt = new IllegalStateException("abandoned");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (HandOffSink sink = new HandOffSink(target, "checks")) {
                RuntimeException thrown = assertThrows(RuntimeException.class, () -> {
                    for (int i = 0; i < 1_000_000; i++) {
                        sink.reading(Metric.STEPS, Instant.EPOCH, Instant.EPOCH, 0, 1, "", "iPhone", i);
                    }
                    sink.flush();
                });
                assertSame(target.failAt, thrown);
            }
        });
        assertEquals(5000, target.seen.size());
    }

    @Test
    void aFailureFoundAtTheLastFlushIsThrownThere() {
        Recording target = new Recording();
        target.failAfter = 3;
        target.failAt = new IllegalStateException("refused");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (HandOffSink sink = new HandOffSink(target, "checks")) {
                for (int i = 0; i < 10; i++) {
                    sink.skipped("T" + i);
                }
                assertSame(target.failAt, assertThrows(IllegalStateException.class, sink::flush));
            }
        });
    }
}
