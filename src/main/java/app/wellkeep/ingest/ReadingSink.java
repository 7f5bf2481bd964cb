package app.wellkeep.ingest;

import java.time.Instant;

import app.wellkeep.vitals.Metric;

/**
 * What an importer reports while it reads a file: readings, entries it cannot take, and record types Wellkeep does
 * not keep. Values arrive in the metric's stored UCUM unit ({@link Metric#unit()}); checking them (plausible range,
 * dates in the future, duplicates) is the pipeline's work, so every importer is held to the same rules.
 * <p>
 * {@code position} says where in the file a reading or a rejected entry is, as its importer counts
 * ({@link Importer#positions()}): a line number, or the number of the item in a JSON array, from 1.
 */
public interface ReadingSink {

    /**
     * One reading. {@code end} equals {@code start} for a reading at a moment. {@code utcOffsetSeconds} is the offset
     * the source recorded it at (or that of the person's zone where the file has local times only). {@code stage}
     * is a {@link app.wellkeep.vitals.SleepStage} name for sleep and {@code ""} for every other metric;
     * {@code source} names the device or app that measured it ("Apple Watch").
     */
    void reading(Metric metric, Instant start, Instant end, int utcOffsetSeconds, double value, String stage,
            String source, long position);

    /** An entry of a kind Wellkeep keeps that cannot be read; {@code detail} is a short technical note, no values. */
    void rejected(long position, Rejection reason, String detail);

    /** An entry of a type Wellkeep does not keep (a workout route, an ECG), counted by type and otherwise ignored. */
    void skipped(String type);
}
