package app.wellkeep.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.ReadingBatch;
import app.wellkeep.vitals.SampleService;

/**
 * Where every importer's readings go: each is held to the same rules (plausible value, a real interval and offset,
 * not in the future) and goes into the import's batch, or is counted as rejected with its reason. Keeps the first
 * rejected entries for the download, counts the rest, and reports progress to the worker now and then.
 */
final class ImportSink implements ReadingSink {

    /** Readings dated later than this after the moment of the import are refused: clocks differ a little. */
    static final java.time.Duration CLOCK_SLACK = java.time.Duration.ofMinutes(15);
    /** Readings before this are a device's unset clock, not a measurement. */
    static final Instant EARLIEST = LocalDate.of(1900, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final int PROGRESS_EVERY = 8192;

    private final ReadingBatch batch;
    private final Instant latest;
    private final int keep;
    private final Runnable progress;

    private String fileName = "";
    private Importer.Positions positions = Importer.Positions.LINE;
    private long entries;
    private long rejected;
    private long skipped;
    private final Map<Rejection, Long> rejectedBy = new EnumMap<>(Rejection.class);
    private final Map<String, Long> skippedBy = new LinkedHashMap<>();
    private final Map<String, Long> filesSkipped = new LinkedHashMap<>();
    private final List<ImportRejection> kept = new ArrayList<>();

    ImportSink(ReadingBatch batch, Instant now, int keep, Runnable progress) {
        this.batch = batch;
        this.latest = now.plus(CLOCK_SLACK);
        this.keep = keep;
        this.progress = progress;
    }

    /** The file the next entries come from, and how its importer numbers them. */
    void file(String name, Importer.Positions positions) {
        this.fileName = name;
        this.positions = positions;
    }

    /** A file in the upload that no importer reads (a workout route, a photo): counted by name. */
    void fileSkipped(String name) {
        filesSkipped.merge(ImportService.label(name), 1L, Long::sum);
    }

    @Override
    public void reading(Metric metric, Instant start, Instant end, int utcOffsetSeconds, double value, String stage,
            String source, long position) {
        tick();
        String device = source == null ? null : source.strip();
        if (device != null && device.length() > 100) {
            device = device.substring(0, 100).strip();
        }
        String stageName = stage == null ? "" : stage;
        Optional<String> problem = SampleService.problem(metric, start, end, utcOffsetSeconds, value, stageName,
                device);
        if (problem.isPresent()) {
            refuse(position, reason(problem.get()), problem.get().equals("implausible")
                    ? metric.slug() + " " + value + " is outside " + plain(metric.min()) + " to "
                            + plain(metric.max()) + " " + metric.unit()
                    : problem.get());
            return;
        }
        if (end.isAfter(latest)) {
            refuse(position, Rejection.FUTURE, "dated " + end);
            return;
        }
        if (start.isBefore(EARLIEST)) {
            refuse(position, Rejection.BAD_TIME, "dated " + start);
            return;
        }
        batch.add(metric, start, end, utcOffsetSeconds, value, stageName, device);
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }

    private static Rejection reason(String problem) {
        return switch (problem) {
            case "implausible" -> Rejection.IMPLAUSIBLE;
            case "badInterval" -> Rejection.BAD_INTERVAL;
            case "badOffset" -> Rejection.BAD_TIME;
            case "badStage" -> Rejection.INVALID_FIELD;
            default -> Rejection.MISSING_FIELD;
        };
    }

    @Override
    public void rejected(long position, Rejection reason, String detail) {
        tick();
        refuse(position, reason, detail);
    }

    private void refuse(long position, Rejection reason, String detail) {
        rejected++;
        rejectedBy.merge(reason, 1L, Long::sum);
        if (kept.size() < keep) {
            ImportRejection r = new ImportRejection();
            r.importId = batch.batchId();
            r.seq = kept.size() + 1;
            r.fileName = ImportService.label(fileName);
            r.position = position;
            r.positions = positions;
            r.reason = reason;
            String text = detail == null ? "" : detail;
            r.detail = text.length() > 200 ? text.substring(0, 200) : text;
            kept.add(r);
        }
    }

    @Override
    public void skipped(String type) {
        tick();
        skipped++;
        String label = ImportService.label(type == null ? "" : type);
        // A file could name endless made-up types; the first few hundred are worth listing.
        if (skippedBy.size() < 500 || skippedBy.containsKey(label)) {
            skippedBy.merge(label, 1L, Long::sum);
        }
    }

    private void tick() {
        if (++entries % PROGRESS_EVERY == 0) {
            progress.run();
        }
    }

    long entries() {
        return entries;
    }

    long rejected() {
        return rejected;
    }

    long skipped() {
        return skipped;
    }

    List<ImportRejection> kept() {
        return kept;
    }

    /** The tallies of this import: by rejection reason, by skipped type, by skipped file. */
    List<ImportTally> tallies() {
        List<ImportTally> tallies = new ArrayList<>();
        rejectedBy.forEach((reason, count) -> tallies.add(tally(ImportTally.Kind.REJECTED, reason.name(), count)));
        skippedBy.forEach((type, count) -> tallies.add(tally(ImportTally.Kind.SKIPPED, type, count)));
        filesSkipped.forEach((file, count) -> tallies.add(tally(ImportTally.Kind.FILE_SKIPPED, file, count)));
        return tallies;
    }

    private ImportTally tally(ImportTally.Kind kind, String label, long count) {
        ImportTally t = new ImportTally();
        t.importId = batch.batchId();
        t.kind = kind;
        t.label = label;
        t.count = count;
        return t;
    }
}
