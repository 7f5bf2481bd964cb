package app.wellkeep.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.ReadingBatch;

/**
 * Where every importer's readings go: each is held to the same rules (plausible value, a real interval and offset,
 * not in the future) and goes into the import's batch, or is counted as rejected with its reason. Keeps the first
 * rejected entries for the download, counts the rest, and reports progress to the worker now and then.
 */
final class ImportSink implements ReadingSink {

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
        this.latest = ReadingRules.latest(now);
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
        String device = ReadingRules.source(source);
        String stageName = stage == null ? "" : stage;
        Optional<ReadingRules.Refusal> refusal = ReadingRules.check(metric, start, end, utcOffsetSeconds, value,
                stageName, device, latest);
        if (refusal.isPresent()) {
            refuse(position, refusal.get().reason(), refusal.get().detail());
            return;
        }
        batch.add(metric, start, end, utcOffsetSeconds, value, stageName, device);
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
        String raw = type == null ? "" : type;
        // A file could name endless made-up types; the first few hundred are worth listing. Counted by the name as
        // given (an export skips the same few types a million times); cleaned up for the tally once.
        if (skippedBy.size() < 500 || skippedBy.containsKey(raw)) {
            skippedBy.merge(raw, 1L, Long::sum);
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
        Map<String, Long> byLabel = new LinkedHashMap<>();
        skippedBy.forEach((type, count) -> byLabel.merge(ImportService.label(type), count, Long::sum));
        byLabel.forEach((type, count) -> tallies.add(tally(ImportTally.Kind.SKIPPED, type, count)));
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
