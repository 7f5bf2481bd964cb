package app.wellkeep.vitals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.NotFoundException;

import org.hibernate.FlushMode;
import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;

import app.wellkeep.account.Person;
import app.wellkeep.common.RecentDays;

/**
 * Writing and reading a person's readings. Readings typed in by hand are a {@link Sample} row each; readings from
 * devices and imports are packed by day and source into {@link SampleBlock}s. Either way a reading is stored once
 * (same metric, source, interval and stage: the same reading), every write first takes the person's
 * {@link VitalsLock} and brings the daily figures of the days it touches up to date in the same transaction, and
 * announces what it added so that monitoring can look at it at once.
 */
@ApplicationScoped
public class SampleService {

    public static final String MANUAL_SOURCE = "manual";
    static final int SOURCE_MAX = 100;
    /**
     * Days recounted together: one read of blocks, of manual readings and of figures per metric for a year. A year
     * of minute-level readings is a few megabytes; a month at a time cost an import of two years more than 300 rounds
     * of four statements each.
     */
    static final int WINDOW_DAYS = 366;
    /** Weeks re-added together from their days: one read, one delete and one batch of inserts a year. */
    static final int WEEKS_AT_A_TIME = 53;
    /** New blocks held before they are written in one batch, to keep an import's memory flat. */
    private static final int FLUSH_EVERY = 200;
    /** Staged parts deleted per transaction after a batch is done. */
    private static final int DISCARD_EVERY = 200;

    /**
     * A reading to record, before it has an id. Only manual readings take a reading id (the values typed in
     * together); a device reading's ids follow from its identity ({@link Reading}).
     */
    public record NewReading(Metric metric, Instant start, Instant end, int utcOffset, double value, String stage,
            String source, boolean manual, UUID readingId) {

        /** A reading at one moment. */
        public static NewReading at(Metric metric, Instant at, int utcOffset, double value, String source,
                boolean manual, UUID readingId) {
            return new NewReading(metric, at, at, utcOffset, value, Sample.NO_STAGE, source, manual, readingId);
        }
    }

    /**
     * Fired, inside the writing transaction, with the readings a write added; for a batch (an import) only those
     * taken within {@link MonitoringService#RECENT}, the only ones monitoring looks at, so years of history are never
     * held in memory.
     */
    public record SamplesRecorded(Person person, List<Reading> added) {
    }

    public record Recorded(List<Reading> added, int duplicates) {
    }

    /** What publishing a batch did: readings added, already stored before, and listed more than once in the batch. */
    public record Published(long added, long duplicates, long repeated) {
    }

    /** Fired, inside the deleting transaction, when a manual reading is deleted (or replaced by its correction). */
    public record ManualReadingDeleted(Person person, UUID readingId) {
    }

    @Inject
    Clock clock;

    @Inject
    Event<SamplesRecorded> recorded;

    @Inject
    Event<ManualReadingDeleted> deleted;

    @Inject
    EntityManager em;

    private static final Set<String> SLEEP_STAGES = Arrays.stream(SleepStage.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Why a reading cannot be stored, as a message key; empty when it can. */
    public static Optional<String> problem(NewReading r) {
        return problem(r.metric(), r.start(), r.end(), r.utcOffset(), r.value(), r.stage(), r.source());
    }

    /** Why a reading cannot be stored, as a message key; empty when it can. */
    public static Optional<String> problem(Metric metric, Instant start, Instant end, int utcOffset, double value,
            String stage, String source) {
        if (metric == null || start == null || end == null) {
            return Optional.of("incomplete");
        }
        if (!metric.plausible(value)) {
            return Optional.of("implausible");
        }
        if (end.isBefore(start) || !end.isBefore(start.plusSeconds(2 * 86_400))) {
            return Optional.of("badInterval");
        }
        if (Math.abs(utcOffset) > 18 * 3600) {
            return Optional.of("badOffset");
        }
        boolean staged = stage != null && !stage.isEmpty();
        if (metric == Metric.SLEEP) {
            if (!staged || !SLEEP_STAGES.contains(stage)) {
                return Optional.of("badStage");
            }
        } else if (staged) {
            return Optional.of("badStage");
        }
        if (source == null || source.isBlank() || source.length() > SOURCE_MAX) {
            return Optional.of("badSource");
        }
        return Optional.empty();
    }

    // Writing.

    /**
     * Stores the readings that are not stored yet and returns them. Every reading must be valid ({@link #problem});
     * an invalid one fails the whole write, and nothing of it is stored.
     */
    @Transactional
    public Recorded record(Person person, List<NewReading> readings) {
        for (NewReading r : readings) {
            problem(r).ifPresent(p -> {
                throw new IllegalArgumentException("Reading refused (" + p + "): " + r);
            });
        }
        lock(person.id);
        Map<Metric, Set<LocalDate>> touched = new EnumMap<>(Metric.class);
        List<Reading> added = new ArrayList<>();
        int duplicates = recordManual(person, readings.stream().filter(NewReading::manual).toList(), added,
                touched);
        ReadingBatch batch = new ReadingBatch(person, SampleBlock.NO_BATCH, 0, false, Integer.MAX_VALUE);
        readings.stream().filter(r -> !r.manual()).forEach(r -> batch.add(r.metric(), r.start(), r.end(),
                r.utcOffset(), r.value(), r.stage() == null ? Sample.NO_STAGE : r.stage(), r.source()));
        Published published = write(batch, touched, added, true);
        recount(person, touched);
        if (!added.isEmpty()) {
            recorded.fire(new SamplesRecorded(person, added));
        }
        return new Recorded(added, duplicates + (int) (published.duplicates() + published.repeated()));
    }

    /**
     * A batch for an import: staged as it is read, {@code stageEvery} readings at a time, and published by
     * {@link #publish} when complete.
     */
    public ReadingBatch stagedBatch(Person person, UUID batchId, int attempt, int stageEvery) {
        return new ReadingBatch(person, batchId, attempt, true, stageEvery);
    }

    /**
     * Moves a complete staged batch into place in the caller's transaction: readings already stored are left out,
     * the daily figures of the days it touched are recounted, and monitoring hears of its recent readings. Nothing of
     * it is visible before the transaction commits. The staged parts stay for {@link #discardStaged} to remove
     * afterwards: deleting them here would make this one transaction twice as large.
     */
    @Transactional(TxType.MANDATORY)
    public Published publish(ReadingBatch batch) {
        Person person = batch.person();
        lock(person.id);
        Map<Metric, Set<LocalDate>> touched = new EnumMap<>(Metric.class);
        List<Reading> recent = new ArrayList<>();
        // Thousands of blocks and daily figures: flushed here at the few points that need it, not before every query.
        Session session = em.unwrap(Session.class);
        FlushMode mode = session.getHibernateFlushMode();
        session.setHibernateFlushMode(FlushMode.COMMIT);
        Published published;
        try {
            published = write(batch, touched, recent, false);
            em.flush();
            recount(person, touched);
            em.flush();
        } finally {
            session.setHibernateFlushMode(mode);
        }
        if (!recent.isEmpty()) {
            recorded.fire(new SamplesRecorded(person, recent));
        }
        return published;
    }

    /**
     * Drops whatever a batch staged, in every attempt: published, failed, or starting over. A few hundred parts per
     * transaction, so that an import of millions never needs one transaction the size of its staging.
     */
    public long discardStaged(UUID batchId) {
        long removed = 0;
        while (true) {
            long deleted = QuarkusTransaction.requiringNew().call(() -> {
                List<UUID> ids = em.createQuery("select p.id from StagedBlock p where p.batchId = ?1", UUID.class)
                        .setParameter(1, batchId).setMaxResults(DISCARD_EVERY).getResultList();
                return ids.isEmpty() ? 0L : StagedBlock.delete("id in ?1", ids);
            });
            if (deleted == 0) {
                return removed;
            }
            removed += deleted;
        }
    }

    /** The batches that have parts staged, whatever became of them: for removing what a crash left behind. */
    @Transactional
    public List<UUID> stagedBatches() {
        return em.createQuery("select distinct p.batchId from StagedBlock p", UUID.class).getResultList();
    }

    /** Deletes every reading a batch (an import) added, and recounts the days they were on; returns how many. */
    @Transactional
    public long deleteBatch(Person person, UUID batchId) {
        if (batchId.equals(SampleBlock.NO_BATCH)) {
            throw new IllegalArgumentException("Readings of no batch cannot be deleted as one");
        }
        lock(person.id);
        Map<Metric, Set<LocalDate>> touched = new EnumMap<>(Metric.class);
        long removed = 0;
        for (SampleBlock block : SampleBlock.<SampleBlock>list("personId = ?1 and batchId = ?2", person.id,
                batchId)) {
            touch(touched, person.zone(), block.metric, block.firstStart, block.lastEnd);
            removed += block.count;
            block.delete();
        }
        em.flush();
        recount(person, touched);
        return removed;
    }

    /**
     * Locks the person's readings for this transaction: writers of one person's readings take turns, so the daily
     * figures are never counted from two snapshots at once.
     */
    void lock(UUID personId) {
        if (em.find(VitalsLock.class, personId, LockModeType.PESSIMISTIC_WRITE) != null) {
            return;
        }
        // The person's first write: the row is made in this transaction (the person may be new in it too).
        em.createNativeQuery("MERGE INTO vitals_lock t USING (VALUES (CAST(?1 AS UUID))) s (person_id) "
                + "ON t.person_id = s.person_id WHEN NOT MATCHED THEN INSERT (person_id) VALUES (s.person_id)")
                .setParameter(1, personId).executeUpdate();
        em.find(VitalsLock.class, personId, LockModeType.PESSIMISTIC_WRITE);
    }

    private int recordManual(Person person, List<NewReading> readings, List<Reading> added,
            Map<Metric, Set<LocalDate>> touched) {
        if (readings.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Set<String> seen = storedManualIdentities(person, readings);
        int duplicates = 0;
        for (NewReading r : readings) {
            String stage = r.stage() == null ? Sample.NO_STAGE : r.stage();
            if (!seen.add(identity(r.metric(), r.source(), r.start(), r.end(), stage))) {
                duplicates++;
                continue;
            }
            Sample sample = new Sample();
            sample.id = UUID.randomUUID();
            sample.personId = person.id;
            sample.metric = r.metric();
            sample.startAt = r.start();
            sample.endAt = r.end();
            sample.utcOffset = r.utcOffset();
            sample.value = r.value();
            sample.stage = stage;
            sample.source = r.source();
            sample.manual = true;
            sample.readingId = r.readingId() == null ? sample.id : r.readingId();
            sample.createdAt = now;
            sample.persist();
            added.add(Reading.of(sample));
            touch(touched, person.zone(), sample.metric, sample.startAt, sample.endAt);
        }
        return duplicates;
    }

    private static String identity(Metric metric, String source, Instant start, Instant end, String stage) {
        return metric + "|" + source + "|" + start + "|" + end + "|" + stage;
    }

    /** The identities of manual readings already stored among the batch's metrics and time span, in one query. */
    private Set<String> storedManualIdentities(Person person, List<NewReading> readings) {
        Set<String> identities = new HashSet<>();
        Instant first = readings.stream().map(NewReading::start).min(Instant::compareTo).orElseThrow();
        Instant last = readings.stream().map(NewReading::start).max(Instant::compareTo).orElseThrow();
        Set<Metric> metrics = new HashSet<>(readings.stream().map(NewReading::metric).toList());
        em.createQuery("select s.metric, s.source, s.startAt, s.endAt, s.stage from Sample s where s.personId = ?1 "
                + "and s.metric in ?2 and s.startAt >= ?3 and s.startAt <= ?4", Object[].class)
                .setParameter(1, person.id).setParameter(2, metrics).setParameter(3, first).setParameter(4, last)
                .getResultStream().forEach(row -> identities.add(identity((Metric) row[0], (String) row[1],
                        (Instant) row[2], (Instant) row[3], (String) row[4])));
        return identities;
    }

    /**
     * Writes a batch's readings into blocks, leaving out those already stored in any batch; merges into the batch's
     * own block of a key where it has one. Collects the days touched and the readings added (all of them, or the
     * recent ones only).
     */
    private Published write(ReadingBatch batch, Map<Metric, Set<LocalDate>> touched, List<Reading> added,
            boolean all) {
        Person person = batch.person();
        ZoneId zone = person.zone();
        long recentFrom = clock.instant().minus(MonitoringService.RECENT).toEpochMilli();
        Stored stored = new Stored(person.id);
        long[] counts = new long[2];
        List<SampleBlock> pending = new ArrayList<>();
        try (Stream<Map.Entry<ReadingBatch.Key, Series.Appender>> blocks = blocksOf(batch)) {
            blocks.forEach(block -> {
                ReadingBatch.Key key = block.getKey();
                LocalDate day = LocalDate.ofEpochDay(key.epochDay());
                Series.Appender incoming = block.getValue();
                List<SampleBlock> existing = stored.at(key, day);
                if (existing.isEmpty()) {
                    // The usual case, a first import of these days: the packed readings go in as they are.
                    counts[0] += incoming.size();
                    pending.add(create(person.id, batch.batchId(), key, day, incoming.packed(), incoming.size(),
                            incoming.firstStart(), incoming.lastEnd()));
                    touch(touched, zone, key.metric(), Instant.ofEpochMilli(incoming.firstStart()),
                            Instant.ofEpochMilli(incoming.lastEnd()));
                    if (all || incoming.lastEnd() >= recentFrom) {
                        collect(person.id, key, incoming.series(), all ? Long.MIN_VALUE : recentFrom, added);
                    }
                } else {
                    Series offered = incoming.series();
                    Series fresh = offered;
                    SampleBlock own = null;
                    for (SampleBlock other : existing) {
                        fresh = fresh.minus(other.series());
                        if (other.batchId.equals(batch.batchId())) {
                            own = other;
                        }
                    }
                    counts[1] += offered.size() - fresh.size();
                    if (fresh.size() == 0) {
                        return;
                    }
                    counts[0] += fresh.size();
                    if (own != null) {
                        own.store(own.series().union(fresh));
                    } else {
                        pending.add(create(person.id, batch.batchId(), key, day,
                                fresh.encode(key.epochDay() * Series.DAY_MS), fresh.size(), fresh.start(0),
                                lastEnd(fresh)));
                    }
                    touch(touched, zone, key.metric(), Instant.ofEpochMilli(fresh.start(0)),
                            Instant.ofEpochMilli(lastEnd(fresh)));
                    collect(person.id, key, fresh, all ? Long.MIN_VALUE : recentFrom, added);
                }
                if (pending.size() >= FLUSH_EVERY) {
                    release(pending);
                }
            });
        }
        release(pending);
        stored.release();
        return new Published(counts[0], counts[1], batch.repeated());
    }

    private static SampleBlock create(UUID personId, UUID batchId, ReadingBatch.Key key, LocalDate day,
            byte[] packed, int count, long firstStartMs, long lastEndMs) {
        SampleBlock created = new SampleBlock();
        created.id = UUID.randomUUID();
        created.personId = personId;
        created.metric = key.metric();
        created.stage = key.stage();
        created.source = key.source();
        created.utcDay = day;
        created.batchId = batchId;
        created.samples = packed;
        created.count = count;
        created.firstStart = Instant.ofEpochMilli(firstStartMs);
        created.lastEnd = Instant.ofEpochMilli(lastEndMs);
        return created;
    }

    /** The readings of a block that start from {@code fromMs}, as readings, for monitoring to look at. */
    private static void collect(UUID personId, ReadingBatch.Key key, Series series, long fromMs, List<Reading> into) {
        for (int i = 0; i < series.size(); i++) {
            if (series.start(i) >= fromMs) {
                into.add(Reading.device(personId, key.metric(), key.stage(), key.source(), series.start(i),
                        series.end(i), series.offset(i), series.value(i)));
            }
        }
    }

    private void release(List<SampleBlock> written) {
        BatchInserts.blocks(em, written);
        written.clear();
    }

    private static long lastEnd(Series series) {
        long last = Long.MIN_VALUE;
        for (int i = 0; i < series.size(); i++) {
            last = Math.max(last, series.end(i));
        }
        return last;
    }

    /** The batch's blocks, one entry per key: from memory, or (once any were staged) its staged parts merged. */
    private Stream<Map.Entry<ReadingBatch.Key, Series.Appender>> blocksOf(ReadingBatch batch) {
        if (!batch.stagedAny()) {
            return batch.drain().stream();
        }
        Stream<Object[]> parts = em.createQuery("select p.metric, p.stage, p.source, p.utcDay, p.samples "
                + "from StagedBlock p where p.batchId = ?1 and p.attempt = ?2 "
                + "order by p.metric, p.stage, p.source, p.utcDay", Object[].class).setParameter(1, batch.batchId())
                .setParameter(2, batch.attempt()).setHint("org.hibernate.fetchSize", 64).getResultStream();
        return new StagedParts(parts, batch).stream();
    }

    /** Consecutive staged parts of one key, merged into one series; repeats across parts are counted. */
    private static final class StagedParts {

        private final java.util.Iterator<Object[]> rows;
        private final Stream<Object[]> source;
        private final ReadingBatch batch;
        private Object[] next;

        StagedParts(Stream<Object[]> source, ReadingBatch batch) {
            this.source = source;
            this.rows = source.iterator();
            this.batch = batch;
            this.next = rows.hasNext() ? rows.next() : null;
        }

        Stream<Map.Entry<ReadingBatch.Key, Series.Appender>> stream() {
            java.util.Iterator<Map.Entry<ReadingBatch.Key, Series.Appender>> merged = new java.util.Iterator<>() {

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Map.Entry<ReadingBatch.Key, Series.Appender> next() {
                    ReadingBatch.Key key = key(next);
                    long dayStart = key.epochDay() * Series.DAY_MS;
                    Series series = Series.decode((byte[]) next[4], dayStart);
                    next = rows.hasNext() ? rows.next() : null;
                    while (next != null && key(next).equals(key)) {
                        Series part = Series.decode((byte[]) next[4], dayStart);
                        Series union = series.union(part);
                        batch.countRepeated(series.size() + part.size() - union.size());
                        series = union;
                        next = rows.hasNext() ? rows.next() : null;
                    }
                    return Map.entry(key, Series.Appender.of(series, dayStart));
                }
            };
            return java.util.stream.StreamSupport
                    .stream(java.util.Spliterators.spliteratorUnknownSize(merged, java.util.Spliterator.ORDERED),
                            false)
                    .onClose(source::close);
        }

        private static ReadingBatch.Key key(Object[] row) {
            return new ReadingBatch.Key((Metric) row[0], (String) row[1], (String) row[2],
                    ((LocalDate) row[3]).toEpochDay());
        }
    }

    /**
     * The blocks already stored for the keys a batch writes, read a year at a time per metric, stage and source,
     * as the keys come in order; combinations the person had no blocks of before the write are never read (a batch
     * writes each key once, so its own new blocks need no looking up).
     */
    private final class Stored {

        private final UUID personId;
        private final Set<String> groups = new HashSet<>();
        private String group;
        private LocalDate from;
        private LocalDate to;
        private Map<LocalDate, List<SampleBlock>> window = Map.of();

        Stored(UUID personId) {
            this.personId = personId;
            em.createQuery("select distinct b.metric, b.stage, b.source from SampleBlock b where b.personId = ?1",
                    Object[].class).setParameter(1, personId).getResultStream()
                    .forEach(row -> groups.add(group((Metric) row[0], (String) row[1], (String) row[2])));
        }

        private static String group(Metric metric, String stage, String source) {
            return metric + "|" + stage + "|" + source;
        }

        List<SampleBlock> at(ReadingBatch.Key key, LocalDate day) {
            String of = group(key.metric(), key.stage(), key.source());
            if (!groups.contains(of)) {
                return List.of();
            }
            if (!of.equals(group) || day.isBefore(from) || day.isAfter(to)) {
                release();
                group = of;
                from = day;
                to = day.plusDays(WINDOW_DAYS - 1L);
                window = new HashMap<>();
                for (SampleBlock b : SampleBlock.<SampleBlock>list("personId = ?1 and metric = ?2 and stage = ?3 "
                        + "and source = ?4 and utcDay >= ?5 and utcDay <= ?6", personId, key.metric(), key.stage(),
                        key.source(), from, to)) {
                    window.computeIfAbsent(b.utcDay, d -> new ArrayList<>()).add(b);
                }
            }
            return window.getOrDefault(day, List.of());
        }

        void release() {
            if (!window.isEmpty()) {
                em.flush();
                window.values().forEach(blocks -> blocks.forEach(em::detach));
            }
            window = Map.of();
            group = null;
        }
    }

    // Manual readings.

    /** The manual readings typed in together, owned by the person; 404 for anything else. */
    @Transactional
    public List<Sample> manualReading(Person person, UUID readingId) {
        List<Sample> samples = Sample.list("readingId = ?1 and personId = ?2 and manual = true", readingId,
                person.id);
        if (samples.isEmpty()) {
            throw new NotFoundException();
        }
        return samples;
    }

    /** Replaces a manual reading (both values of a blood pressure, say) by its corrected values. */
    @Transactional
    public Recorded replaceManual(Person person, UUID readingId, List<NewReading> corrected) {
        deleteManual(person, readingId);
        return record(person, corrected.stream().map(r -> new NewReading(r.metric(), r.start(), r.end(),
                r.utcOffset(), r.value(), r.stage(), MANUAL_SOURCE, true, readingId)).toList());
    }

    @Transactional
    public void deleteManual(Person person, UUID readingId) {
        List<Sample> samples = manualReading(person, readingId);
        lock(person.id);
        Map<Metric, Set<LocalDate>> touched = new EnumMap<>(Metric.class);
        for (Sample s : samples) {
            touch(touched, person.zone(), s.metric, s.startAt, s.endAt);
            s.delete();
        }
        em.flush();
        recount(person, touched);
        deleted.fire(new ManualReadingDeleted(person, readingId));
    }

    // Reading.

    /**
     * A metric's readings that start from {@code from} (included) to {@code to} (excluded), from both stores, in
     * time order. For a day or a few: pages of longer ranges read the daily figures.
     */
    @Transactional
    public List<Reading> readings(UUID personId, Metric metric, Instant from, Instant to) {
        List<Reading> readings = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        em.createQuery("select b.stage, b.source, b.utcDay, b.samples from SampleBlock b where b.personId = ?1 "
                + "and b.metric = ?2 and b.utcDay >= ?3 and b.utcDay <= ?4", Object[].class)
                .setParameter(1, personId).setParameter(2, metric)
                .setParameter(3, LocalDate.ofInstant(from, ZoneOffset.UTC))
                .setParameter(4, LocalDate.ofInstant(to, ZoneOffset.UTC)).getResultStream().forEach(row -> {
                    Series series = Series.decode((byte[]) row[3], SampleBlock.dayStartMs((LocalDate) row[2]));
                    for (int i = 0; i < series.size(); i++) {
                        if (series.start(i) >= fromMs && series.start(i) < toMs) {
                            Reading r = Reading.device(personId, metric, (String) row[0], (String) row[1],
                                    series.start(i), series.end(i), series.offset(i), series.value(i));
                            if (seen.add(r.id())) {
                                readings.add(r);
                            }
                        }
                    }
                });
        Sample.<Sample>list("personId = ?1 and metric = ?2 and startAt >= ?3 and startAt < ?4", personId, metric,
                from, to).forEach(s -> readings.add(Reading.of(s)));
        readings.sort(java.util.Comparator.comparing(Reading::start).thenComparing(Reading::end));
        return readings;
    }

    /** When a reading started (epoch milliseconds) and its value: all a chart of one day draws. */
    public record TimedValue(long startMs, double value) {
    }

    /** Within one source, stage and day, what makes two device readings the same reading, as their id does. */
    private record Moment(long startMs, long endMs) {

        @Override
        public int hashCode() {
            // Mixed: minute-level readings have start = end and many low zero bits, which a plain hash collides on.
            return Long.hashCode((startMs * 0x9E3779B97F4A7C15L) ^ endMs);
        }
    }

    /**
     * The starts and values of a metric's readings that start from {@code from} (included) to {@code to} (excluded),
     * from both stores, in no particular order: what {@link #readings} reads, without deriving each reading's id (a
     * hash of its identity), which a day of minute-level heart rate would do 1,440 times per page.
     */
    @Transactional
    public List<TimedValue> values(UUID personId, Metric metric, Instant from, Instant to) {
        List<TimedValue> values = new ArrayList<>();
        long fromMs = from.toEpochMilli();
        long toMs = to.toEpochMilli();
        // The same reading in two batches is in two blocks of one source, stage and day: such blocks are merged.
        Map<List<Object>, List<Series>> blocks = new HashMap<>();
        em.createQuery("select b.stage, b.source, b.utcDay, b.samples from SampleBlock b where b.personId = ?1 "
                + "and b.metric = ?2 and b.utcDay >= ?3 and b.utcDay <= ?4", Object[].class)
                .setParameter(1, personId).setParameter(2, metric)
                .setParameter(3, LocalDate.ofInstant(from, ZoneOffset.UTC))
                .setParameter(4, LocalDate.ofInstant(to, ZoneOffset.UTC)).getResultList()
                .forEach(row -> blocks.computeIfAbsent(List.of(row[0], row[1], row[2]), k -> new ArrayList<>())
                        .add(Series.decode((byte[]) row[3], SampleBlock.dayStartMs((LocalDate) row[2]))));
        for (List<Series> group : blocks.values()) {
            // A block holds each reading once (sorted and de-duplicated when written): only several need a check.
            Set<Moment> seen = group.size() > 1 ? new HashSet<>() : null;
            for (Series series : group) {
                for (int i = 0; i < series.size(); i++) {
                    long start = series.start(i);
                    if (start >= fromMs && start < toMs
                            && (seen == null || seen.add(new Moment(start, series.end(i))))) {
                        values.add(new TimedValue(start, series.value(i)));
                    }
                }
            }
        }
        em.createQuery("select s.startAt, s.value from Sample s where s.personId = ?1 and s.metric = ?2 "
                + "and s.startAt >= ?3 and s.startAt < ?4", Object[].class).setParameter(1, personId)
                .setParameter(2, metric).setParameter(3, from).setParameter(4, to).getResultList()
                .forEach(row -> values.add(new TimedValue(((Instant) row[0]).toEpochMilli(), (Double) row[1])));
        return values;
    }

    /** Every device reading of a person, a block at a time in day order, for the data export. */
    @Transactional(TxType.MANDATORY)
    public void forEachDeviceReading(UUID personId, java.util.function.Consumer<Reading> each) {
        try (Stream<Object[]> rows = em.createQuery("select b.metric, b.stage, b.source, b.utcDay, b.samples "
                + "from SampleBlock b where b.personId = ?1 order by b.utcDay, b.metric, b.source, b.stage",
                Object[].class).setParameter(1, personId).setHint("org.hibernate.fetchSize", 64)
                .getResultStream()) {
            rows.forEach(row -> {
                Series series = Series.decode((byte[]) row[4], SampleBlock.dayStartMs((LocalDate) row[3]));
                for (int i = 0; i < series.size(); i++) {
                    each.accept(Reading.device(personId, (Metric) row[0], (String) row[1], (String) row[2],
                            series.start(i), series.end(i), series.offset(i), series.value(i)));
                }
            });
        }
    }

    /** How many readings the person has, of both stores. */
    @Transactional
    public long count(UUID personId) {
        Long packed = em.createQuery("select sum(b.count) from SampleBlock b where b.personId = ?1", Long.class)
                .setParameter(1, personId).getSingleResult();
        return Sample.count("personId", personId) + (packed == null ? 0 : packed);
    }

    // Daily figures.

    /** Marks the local days a reading (or a span of readings) from {@code start} to {@code end} counts toward. */
    private static void touch(Map<Metric, Set<LocalDate>> touched, ZoneId zone, Metric metric, Instant start,
            Instant end) {
        Set<LocalDate> days = touched.computeIfAbsent(metric, m -> new TreeSet<>());
        LocalDate last = LocalDate.ofInstant(end, zone);
        for (LocalDate day = LocalDate.ofInstant(start, zone); !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
    }

    /** Recounts the daily figures of the days touched, a year of each metric at a time, and each latest day. */
    private void recount(Person person, Map<Metric, Set<LocalDate>> touched) {
        touched.forEach((metric, days) -> {
            List<LocalDate> window = new ArrayList<>();
            for (LocalDate day : days) {
                if (!window.isEmpty() && day.isAfter(window.get(0).plusDays(WINDOW_DAYS - 1L))) {
                    recountWindow(person, metric, window);
                    window = new ArrayList<>();
                }
                window.add(day);
            }
            if (!window.isEmpty()) {
                recountWindow(person, metric, window);
            }
        });
        em.flush();
        touched.keySet().forEach(metric -> keepLatestDay(person.id, metric));
        touched.forEach((metric, days) -> recountWeeks(person.id, metric, days));
    }

    /** Adds up again, from the daily figures as they now stand, the weeks of the days given. */
    private void recountWeeks(UUID personId, Metric metric, Set<LocalDate> days) {
        TreeSet<LocalDate> mondays = new TreeSet<>();
        days.forEach(day -> mondays.add(WeeklyRollup.weekOf(day)));
        List<LocalDate> group = new ArrayList<>();
        for (LocalDate monday : mondays) {
            if (!group.isEmpty() && monday.isAfter(group.get(0).plusWeeks(WEEKS_AT_A_TIME - 1L))) {
                rewriteWeeks(personId, metric, group);
                group = new ArrayList<>();
            }
            group.add(monday);
        }
        if (!group.isEmpty()) {
            rewriteWeeks(personId, metric, group);
        }
    }

    /** Some weeks (a year apart at most), oldest first: their stored rows replaced by the sums of their days. */
    private void rewriteWeeks(UUID personId, Metric metric, List<LocalDate> mondays) {
        Set<LocalDate> wanted = new HashSet<>(mondays);
        List<DailyRollup> days = TrendService.daily(personId, metric, mondays.get(0),
                mondays.get(mondays.size() - 1).plusDays(6)).stream()
                .filter(d -> wanted.contains(WeeklyRollup.weekOf(d.localDate))).toList();
        em.createQuery("delete from WeeklyRollup w where w.personId = ?1 and w.metric = ?2 and w.weekStart in ?3")
                .setParameter(1, personId).setParameter(2, metric).setParameter(3, mondays).executeUpdate();
        BatchInserts.weeks(em, WeeklyRollup.of(days));
    }

    /**
     * The metric's latest day with figures, as the figures now stand (an index walk backwards), and which of the days
     * before it have figures too (a short index range).
     */
    private void keepLatestDay(UUID personId, Metric metric) {
        LocalDate latest = em.createQuery("select max(r.localDate) from DailyRollup r where r.personId = ?1 "
                + "and r.metric = ?2", LocalDate.class).setParameter(1, personId).setParameter(2, metric)
                .getSingleResult();
        long recent = latest == null
                ? 0
                : RecentDays.of(latest, em.createQuery("select distinct r.localDate from DailyRollup r where "
                        + "r.personId = ?1 and r.metric = ?2 and r.localDate >= ?3", LocalDate.class)
                        .setParameter(1, personId).setParameter(2, metric)
                        .setParameter(3, latest.minusDays(RecentDays.DAYS - 1L)).getResultList());
        LatestDay.Key key = new LatestDay.Key();
        key.personId = personId;
        key.metric = metric;
        LatestDay row = em.find(LatestDay.class, key);
        if (latest == null) {
            if (row != null) {
                em.remove(row);
            }
        } else if (row == null) {
            row = new LatestDay();
            row.personId = personId;
            row.metric = metric;
            row.localDate = latest;
            row.recentDays = recent;
            em.persist(row);
        } else {
            row.localDate = latest;
            row.recentDays = recent;
        }
    }

    /** The figures of some days of one metric (at most a year apart), from every reading that counts toward them. */
    private void recountWindow(Person person, Metric metric, List<LocalDate> days) {
        ZoneId zone = person.zone();
        LocalDate first = days.get(0);
        LocalDate last = days.get(days.size() - 1);
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        // A night counts toward the morning it ends on, and may have started the day before.
        Instant readFrom = metric == Metric.SLEEP ? from.minus(Duration.ofDays(1)) : from;
        DailyFigures figures = new DailyFigures(metric, zone, new HashSet<>(days));
        em.createQuery("select b.stage, b.source, b.utcDay, b.samples from SampleBlock b where b.personId = ?1 "
                + "and b.metric = ?2 and b.utcDay >= ?3 and b.utcDay <= ?4", Object[].class)
                .setParameter(1, person.id).setParameter(2, metric)
                .setParameter(3, LocalDate.ofInstant(readFrom, ZoneOffset.UTC))
                .setParameter(4, LocalDate.ofInstant(to, ZoneOffset.UTC)).getResultStream().forEach(row -> {
                    Series series = Series.decode((byte[]) row[3], SampleBlock.dayStartMs((LocalDate) row[2]));
                    for (int i = 0; i < series.size(); i++) {
                        figures.add((String) row[1], (String) row[0], series.start(i), series.end(i),
                                series.value(i));
                    }
                });
        Sample.<Sample>list("personId = ?1 and metric = ?2 and startAt >= ?3 and startAt < ?4", person.id, metric,
                readFrom, to).forEach(s -> figures.add(Reading.of(s)));
        Map<LocalDate, Map<String, DailyRollup>> computed = figures.rollups(person.id);
        Map<LocalDate, Map<String, DailyRollup>> existing = new HashMap<>();
        DailyRollup.<DailyRollup>list("personId = ?1 and metric = ?2 and localDate >= ?3 and localDate <= ?4",
                person.id, metric, first, last)
                .forEach(r -> existing.computeIfAbsent(r.localDate, d -> new HashMap<>()).put(r.stage, r));
        List<DailyRollup> created = new ArrayList<>();
        for (LocalDate day : days) {
            Map<String, DailyRollup> stored = existing.getOrDefault(day, new HashMap<>());
            for (DailyRollup figure : computed.getOrDefault(day, Map.of()).values()) {
                // Updated in place rather than deleted and inserted, so one transaction may recount a day twice.
                DailyRollup row = stored.remove(figure.stage);
                if (row == null) {
                    created.add(figure);
                } else {
                    row.count = figure.count;
                    row.total = figure.total;
                    row.min = figure.min;
                    row.max = figure.max;
                    row.latest = figure.latest;
                }
            }
            stored.values().forEach(DailyRollup::delete);
        }
        BatchInserts.rollups(em, created);
    }

    /**
     * Recomputes every daily figure of the person, after a change of time zone moves the day boundaries: a year at
     * a time from each metric's first reading to its last, clearing the session as it goes, so years of minute-level
     * readings never sit in memory at once.
     */
    @Transactional
    public void rebuildRollups(Person person) {
        lock(person.id);
        DailyRollup.delete("personId", person.id);
        WeeklyRollup.delete("personId", person.id);
        em.flush();
        em.clear();
        ZoneId zone = person.zone();
        Map<Metric, Instant[]> spans = new EnumMap<>(Metric.class);
        em.createQuery("select b.metric, min(b.firstStart), max(b.lastEnd) from SampleBlock b where b.personId = ?1 "
                + "group by b.metric", Object[].class).setParameter(1, person.id).getResultList()
                .forEach(row -> widen(spans, (Metric) row[0], (Instant) row[1], (Instant) row[2]));
        em.createQuery("select s.metric, min(s.startAt), max(s.endAt) from Sample s where s.personId = ?1 "
                + "group by s.metric", Object[].class).setParameter(1, person.id).getResultList()
                .forEach(row -> widen(spans, (Metric) row[0], (Instant) row[1], (Instant) row[2]));
        spans.forEach((metric, span) -> {
            LocalDate last = LocalDate.ofInstant(span[1], zone);
            for (LocalDate day = LocalDate.ofInstant(span[0], zone); !day.isAfter(last); day = day
                    .plusDays(WINDOW_DAYS)) {
                List<LocalDate> window = new ArrayList<>();
                for (LocalDate d = day; !d.isAfter(last) && d.isBefore(day.plusDays(WINDOW_DAYS)); d = d.plusDays(1)) {
                    window.add(d);
                }
                recountWindow(person, metric, window);
                em.flush();
                em.clear();
            }
        });
        LatestDay.delete("personId", person.id);
        spans.forEach((metric, span) -> {
            keepLatestDay(person.id, metric);
            Set<LocalDate> mondays = new TreeSet<>();
            LocalDate last = LocalDate.ofInstant(span[1], zone);
            for (LocalDate monday = WeeklyRollup.weekOf(LocalDate.ofInstant(span[0], zone)); !monday
                    .isAfter(last); monday = monday.plusWeeks(1)) {
                mondays.add(monday);
            }
            recountWeeks(person.id, metric, mondays);
        });
    }

    private static void widen(Map<Metric, Instant[]> spans, Metric metric, Instant first, Instant last) {
        spans.merge(metric, new Instant[]{first, last}, (a, b) -> new Instant[]{
                a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
    }

    /** Removes every reading and figure of a person (erasure), staged ones included; returns how many rows. */
    @Transactional(TxType.MANDATORY)
    public long eraseAll(UUID personId) {
        return LatestDay.delete("personId", personId) + DailyRollup.delete("personId", personId)
                + WeeklyRollup.delete("personId", personId)
                + Sample.delete("personId", personId)
                + SampleBlock.delete("personId", personId) + StagedBlock.delete("personId", personId)
                + VitalsLock.delete("personId", personId);
    }
}
