package app.wellkeep.vitals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import app.wellkeep.account.Person;

/**
 * Writing readings: de-duplicated by their identity, each write bringing the daily figures of the days it touches
 * up to date in the same transaction, and announcing what was added so that monitoring can look at it at once.
 */
@ApplicationScoped
public class SampleService {

    public static final String MANUAL_SOURCE = "manual";
    static final int SOURCE_MAX = 100;

    /** A reading to record, before it has an id. */
    public record NewReading(Metric metric, Instant start, Instant end, int utcOffset, double value, String stage,
            String source, boolean manual, UUID readingId) {

        /** A reading at one moment. */
        public static NewReading at(Metric metric, Instant at, int utcOffset, double value, String source,
                boolean manual, UUID readingId) {
            return new NewReading(metric, at, at, utcOffset, value, Sample.NO_STAGE, source, manual, readingId);
        }
    }

    /** Fired, inside the writing transaction, with the readings a write added. */
    public record SamplesRecorded(Person person, List<Sample> added) {
    }

    public record Recorded(List<Sample> added, int duplicates) {
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

    /** Why a reading cannot be stored, as a message key; empty when it can. */
    public static Optional<String> problem(NewReading r) {
        if (r.metric() == null || r.start() == null || r.end() == null) {
            return Optional.of("incomplete");
        }
        if (!r.metric().plausible(r.value())) {
            return Optional.of("implausible");
        }
        if (r.end().isBefore(r.start()) || Duration.between(r.start(), r.end()).toDays() > 1) {
            return Optional.of("badInterval");
        }
        if (Math.abs(r.utcOffset()) > 18 * 3600) {
            return Optional.of("badOffset");
        }
        boolean staged = r.stage() != null && !r.stage().isEmpty();
        if (r.metric() == Metric.SLEEP) {
            if (!staged || Arrays.stream(SleepStage.values()).noneMatch(s -> s.name().equals(r.stage()))) {
                return Optional.of("badStage");
            }
        } else if (staged) {
            return Optional.of("badStage");
        }
        if (r.source() == null || r.source().isBlank() || r.source().length() > SOURCE_MAX) {
            return Optional.of("badSource");
        }
        return Optional.empty();
    }

    /**
     * Stores the readings that are not stored yet and returns them. Every reading must be valid
     * ({@link #problem}); an invalid one fails the whole write, and nothing of it is stored.
     */
    @Transactional
    public Recorded record(Person person, List<NewReading> readings) {
        Instant now = clock.instant();
        for (NewReading r : readings) {
            problem(r).ifPresent(p -> {
                throw new IllegalArgumentException("Reading refused (" + p + "): " + r);
            });
        }
        Set<String> seen = storedIdentities(person, readings);
        List<Sample> added = new ArrayList<>();
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
            sample.manual = r.manual();
            sample.readingId = r.readingId() == null ? sample.id : r.readingId();
            sample.createdAt = now;
            sample.persist();
            added.add(sample);
        }
        refresh(person, added);
        if (!added.isEmpty()) {
            recorded.fire(new SamplesRecorded(person, added));
        }
        return new Recorded(added, duplicates);
    }

    private static String identity(Metric metric, String source, Instant start, Instant end, String stage) {
        return metric + "|" + source + "|" + start + "|" + end + "|" + stage;
    }

    /** The identities already stored among the batch's metrics and time span, read in one query. */
    private static Set<String> storedIdentities(Person person, List<NewReading> readings) {
        Set<String> identities = new HashSet<>();
        if (readings.isEmpty()) {
            return identities;
        }
        Instant first = readings.stream().map(NewReading::start).min(Instant::compareTo).orElseThrow();
        Instant last = readings.stream().map(NewReading::start).max(Instant::compareTo).orElseThrow();
        Set<Metric> metrics = readings.stream().map(NewReading::metric).collect(Collectors.toSet());
        Sample.getEntityManager()
                .createQuery(
                        "select s.metric, s.source, s.startAt, s.endAt, s.stage from Sample s where s.personId = ?1 "
                                + "and s.metric in ?2 and s.startAt >= ?3 and s.startAt <= ?4",
                        Object[].class)
                .setParameter(1, person.id).setParameter(2, metrics).setParameter(3, first).setParameter(4, last)
                .getResultStream().forEach(row -> identities.add(identity((Metric) row[0], (String) row[1],
                        (Instant) row[2], (Instant) row[3], (String) row[4])));
        return identities;
    }

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
        samples.forEach(Sample::delete);
        Sample.flush();
        refresh(person, samples);
        deleted.fire(new ManualReadingDeleted(person, readingId));
    }

    /**
     * Recomputes every daily figure of the person, after a change of time zone moves the day boundaries. Walks day by
     * day from each metric's first reading to its last, clearing the session as it goes, so years of minute-level
     * readings never sit in memory at once.
     */
    @Transactional
    public void rebuildRollups(Person person) {
        var em = Sample.getEntityManager();
        DailyRollup.delete("personId", person.id);
        em.flush();
        ZoneId zone = person.zone();
        List<Object[]> spans = em.createQuery("select s.metric, min(s.startAt), max(s.endAt) from Sample s "
                + "where s.personId = ?1 group by s.metric", Object[].class).setParameter(1, person.id).getResultList();
        for (Object[] span : spans) {
            Metric metric = (Metric) span[0];
            LocalDate last = LocalDate.ofInstant((Instant) span[2], zone);
            for (LocalDate day = LocalDate.ofInstant((Instant) span[1], zone); !day.isAfter(last); day = day
                    .plusDays(1)) {
                refreshDay(person, metric, day);
                if (day.getDayOfMonth() == 1) {
                    em.flush();
                    em.clear();
                }
            }
        }
    }

    private void refresh(Person person, List<Sample> samples) {
        ZoneId zone = person.zone();
        Map<Metric, Set<LocalDate>> touched = new HashMap<>();
        for (Sample s : samples) {
            touched.computeIfAbsent(s.metric, m -> new LinkedHashSet<>()).add(s.day(zone));
        }
        Sample.flush();
        touched.forEach((metric, days) -> days.forEach(day -> refreshDay(person, metric, day)));
    }

    /**
     * The figures of one metric on one day, from its readings. Where several sources count the same thing (a phone
     * and a watch both counting steps), the day's total is the largest single source's total, never their sum.
     */
    void refreshDay(Person person, Metric metric, LocalDate day) {
        ZoneId zone = person.zone();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<Sample> samples = metric == Metric.SLEEP
                ? Sample.list("personId = ?1 and metric = ?2 and startAt >= ?3 and startAt < ?4 and endAt >= ?5 "
                        + "and endAt < ?4", person.id, metric, from.minus(Duration.ofDays(1)), to, from)
                : Sample.list("personId = ?1 and metric = ?2 and startAt >= ?3 and startAt < ?4", person.id, metric,
                        from, to);
        // Updated in place rather than deleted and inserted, so one transaction may refresh a day twice.
        Map<String, DailyRollup> existing = new HashMap<>();
        DailyRollup.<DailyRollup>list("personId = ?1 and metric = ?2 and localDate = ?3", person.id, metric, day)
                .forEach(r -> existing.put(r.stage, r));
        Map<String, Map<String, List<Sample>>> byStageAndSource = new HashMap<>();
        for (Sample s : samples) {
            byStageAndSource.computeIfAbsent(s.stage, k -> new HashMap<>())
                    .computeIfAbsent(s.source, k -> new ArrayList<>()).add(s);
        }
        byStageAndSource.forEach((stage, bySource) -> {
            List<Sample> counted = metric.aggregation() == Metric.Aggregation.SUM
                    ? bySource.values().stream()
                            .max(Comparator.comparingDouble((List<Sample> l) -> l.stream()
                                    .mapToDouble(s -> s.value).sum()))
                            .orElseThrow()
                    : bySource.values().stream().flatMap(List::stream).toList();
            DailyRollup rollup = existing.remove(stage);
            if (rollup == null) {
                rollup = new DailyRollup();
                rollup.personId = person.id;
                rollup.metric = metric;
                rollup.stage = stage;
                rollup.localDate = day;
                rollup.persist();
            }
            rollup.count = counted.size();
            rollup.total = counted.stream().mapToDouble(s -> s.value).sum();
            rollup.min = counted.stream().mapToDouble(s -> s.value).min().orElseThrow();
            rollup.max = counted.stream().mapToDouble(s -> s.value).max().orElseThrow();
            rollup.latest = counted.stream().max(Comparator.comparing((Sample s) -> s.startAt)).orElseThrow().value;
        });
        existing.values().forEach(DailyRollup::delete);
    }
}
