package app.wellkeep.vitals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import app.wellkeep.account.Person;
import app.wellkeep.common.SqlRows;
import app.wellkeep.consent.Access;
import app.wellkeep.consent.Category;
import app.wellkeep.vitals.SampleService.ManualReadingDeleted;
import app.wellkeep.vitals.SampleService.SamplesRecorded;

/**
 * Remote monitoring: the limits in force for a person (defaults in {@link Limit}, overrides in {@link Threshold}),
 * readings held against them as they are written, and the alerts this raises until someone acknowledges them.
 */
@ApplicationScoped
public class MonitoringService {

    /** A weight is compared with the lowest weight of this window before it. */
    public static final Duration WEIGHT_WINDOW = Duration.ofHours(72);

    /**
     * Only readings taken this recently raise alerts: an import of years of history, or a reading typed in long
     * after, is not news to act on, and would bury the alerts that are.
     */
    public static final Duration RECENT = Duration.ofDays(7);

    /** How far back the acknowledged history goes. */
    public static final Duration HISTORY = Duration.ofDays(90);

    /** A limit as it applies to a person: their own value or the default. */
    public record LimitInForce(Limit limit, double value, Threshold override) {

        public boolean isDefault() {
            return override == null;
        }
    }

    @Inject
    Clock clock;

    @Inject
    SampleService samples;

    /** Now, at the precision the database keeps, so what a caller gets back equals what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional
    public Map<Limit, LimitInForce> limits(UUID personId) {
        Map<Limit, Threshold> overrides = new EnumMap<>(Limit.class);
        Threshold.ofPerson(personId).forEach(t -> overrides.put(t.limitType, t));
        Map<Limit, LimitInForce> limits = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            Threshold own = overrides.get(limit);
            limits.put(limit, new LimitInForce(limit, own == null ? limit.defaultValue() : own.value, own));
        }
        return limits;
    }

    /** The limits in force of the access's category, which a reader may see and (through the gate) set. */
    @Transactional
    public Map<Limit, LimitInForce> limits(Access access) {
        Map<Limit, LimitInForce> limits = limits(access.patientId());
        limits.keySet().removeIf(l -> l.metric().category() != access.category());
        return limits;
    }

    /** Sets the patient's value for a limit of the category the reader may read, recording who set it. */
    @Transactional
    public void setLimit(Access access, Limit limit, double value, UUID setBy) {
        access.require(limit.metric().category());
        setLimit(access.patientId(), limit, value, setBy);
    }

    @Transactional
    public void resetLimit(Access access, Limit limit) {
        access.require(limit.metric().category());
        resetLimit(access.patientId(), limit);
    }

    /** Sets a person's own value for a limit (stored unit), by the patient or someone caring for them. */
    @Transactional
    public void setLimit(UUID personId, Limit limit, double value, UUID setBy) {
        if (!limit.allowed(value)) {
            throw new IllegalArgumentException("Limit " + limit + " out of bounds: " + value);
        }
        Threshold threshold = Threshold.<Threshold>find("personId = ?1 and limitType = ?2", personId, limit)
                .firstResultOptional().orElseGet(() -> {
                    Threshold t = new Threshold();
                    t.id = UUID.randomUUID();
                    t.personId = personId;
                    t.limitType = limit;
                    return t;
                });
        threshold.value = value;
        threshold.setBy = setBy;
        threshold.setAt = now();
        threshold.persist();
    }

    @Transactional
    public void resetLimit(UUID personId, Limit limit) {
        Threshold.delete("personId = ?1 and limitType = ?2", personId, limit);
    }

    /** Holds what a write added against the limits, in the writing transaction, so alerts exist once it commits. */
    void onRecorded(@Observes SamplesRecorded recorded) {
        Instant now = now();
        UUID personId = recorded.person().id;
        Map<Limit, LimitInForce> limits = null;
        Map<String, Alert> raised = new LinkedHashMap<>();
        for (Reading sample : recorded.added()) {
            List<Limit> watching = Limit.of(sample.metric());
            if (watching.isEmpty() || sample.start().isBefore(now.minus(RECENT))) {
                continue;
            }
            if (limits == null) {
                limits = limits(personId);
            }
            for (Limit limit : watching) {
                double threshold = limits.get(limit).value();
                Double value = limit.difference() ? gain(personId, sample) : Double.valueOf(sample.value());
                if (value != null && limit.breached(value, threshold)) {
                    raised.putIfAbsent(sample.readingId() + "|" + limit.rule(),
                            alert(personId, sample, limit, value, threshold, now));
                }
            }
        }
        for (Alert alert : raised.values()) {
            if (Alert.count("readingId = ?1 and rule = ?2", alert.readingId, alert.rule) == 0) {
                alert.persist();
            }
        }
    }

    /** The rise of a weight over the lowest weight of the window before it; null when there is none. */
    private Double gain(UUID personId, Reading sample) {
        return samples.readings(personId, sample.metric(), sample.start().minus(WEIGHT_WINDOW), sample.start())
                .stream().mapToDouble(Reading::value).min().stream().map(lowest -> sample.value() - lowest).boxed()
                .findFirst().orElse(null);
    }

    private static Alert alert(UUID personId, Reading sample, Limit limit, double value, double threshold,
            Instant now) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.personId = personId;
        alert.rule = limit.rule();
        alert.limitType = limit;
        alert.metric = sample.metric();
        alert.sampleId = sample.id();
        alert.readingId = sample.readingId();
        alert.value = value;
        alert.threshold = threshold;
        alert.measuredAt = sample.start();
        alert.utcOffset = sample.utcOffset();
        alert.createdAt = now;
        return alert;
    }

    /** A deleted reading no longer calls for attention; what someone already acknowledged stays on record. */
    void onDeleted(@Observes ManualReadingDeleted deleted) {
        Alert.delete("personId = ?1 and readingId = ?2 and acknowledgedAt is null", deleted.person().id,
                deleted.readingId());
    }

    /** How many alerts wait for the person to look at them (the dashboard's tile). */
    @Transactional
    public long openAlerts(UUID personId) {
        // A select of the count rather than Panache's count(), whose derived query is planned anew on every call.
        return Alert.getEntityManager()
                .createQuery("select count(*) from Alert where personId = ?1 and acknowledgedAt is null", Long.class)
                .setParameter(1, personId).getSingleResult();
    }

    /**
     * Open alerts of many patients who share alerts, counted in one query whatever their number; only alerts
     * measured on a day inside the grant's window count.
     */
    @Transactional
    public Map<UUID, Long> sharedOpenAlerts(List<Access> accesses) {
        Map<UUID, Long> counts = new HashMap<>();
        accesses.forEach(a -> counts.put(a.patientId(), 0L));
        sharedOpen(accesses).forEach(a -> counts.merge(a.patientId(), 1L, Long::sum));
        return counts;
    }

    /**
     * The days (of the reading, in its own offset) with open alerts of patients who share alerts, by patient: only
     * {@code since} and after, so a queue of the last days does not read a year of alerts left open.
     */
    @Transactional
    public Map<UUID, Set<LocalDate>> sharedOpenAlertDays(Collection<Access> accesses, LocalDate since) {
        Map<UUID, Set<LocalDate>> days = new HashMap<>();
        // Bounded in SQL by the earliest instant that day begins anywhere (offsets reach +18:00), exactly below.
        Instant from = since.atStartOfDay(ZoneOffset.MAX).toInstant();
        sharedOpen(accesses, from).stream().filter(a -> !a.day().isBefore(since))
                .forEach(a -> days.computeIfAbsent(a.patientId(), k -> new HashSet<>()).add(a.day()));
        return days;
    }

    /** An open alert as the batch reads see it: whose, when it was raised, and the day of its reading. */
    private record OpenAlert(UUID patientId, Instant raised, LocalDate day) {
    }

    /**
     * The open alerts of patients who share alerts, oldest first, in one statement whatever their number; only those
     * whose reading was taken on a day inside the grant's window, as the patient's own alerts page dates it.
     */
    private static List<OpenAlert> sharedOpen(Collection<Access> accesses) {
        return sharedOpen(accesses, null);
    }

    /** {@link #sharedOpen(Collection)} of readings taken at {@code measuredFrom} or later (null: any time). */
    private static List<OpenAlert> sharedOpen(Collection<Access> accesses, Instant measuredFrom) {
        Map<UUID, Access> byPatient = new HashMap<>();
        accesses.forEach(a -> byPatient.put(a.require(Category.ALERTS).patientId(), a));
        Object[] params = measuredFrom == null
                ? new Object[]{byPatient.keySet()}
                : new Object[]{byPatient.keySet(), measuredFrom};
        return SqlRows
                .list(Alert.getEntityManager(), "select person_id, created_at, measured_at, utc_offset from alert "
                        + "where person_id = any(?) and acknowledged_at is null"
                        + (measuredFrom == null ? "" : " and measured_at >= ?") + " order by created_at",
                        rs -> new OpenAlert(SqlRows.uuid(rs, 1), SqlRows.instant(rs, 2),
                                LocalDate.ofInstant(SqlRows.instant(rs, 3), ZoneOffset.ofTotalSeconds(rs.getInt(4)))),
                        params)
                .stream().filter(a -> byPatient.get(a.patientId()).covers(a.day())).toList();
    }

    @Transactional
    public List<Alert> openAlerts(Person person) {
        return Alert.open(person.id);
    }

    /** The open alerts a reader may see: of readings taken inside the window ({@code zone}: the patient's). */
    @Transactional
    public List<Alert> openAlerts(Access access, ZoneId zone) {
        access.require(Category.ALERTS);
        return Alert.list("personId = ?1 and acknowledgedAt is null and measuredAt >= ?2 order by createdAt desc, id",
                access.patientId(), windowStart(access, zone));
    }

    /** The alerts acknowledged within {@link #HISTORY} a reader may see, of readings taken inside the window. */
    @Transactional
    public List<Alert> acknowledgedAlerts(Access access, ZoneId zone) {
        access.require(Category.ALERTS);
        return Alert.list("personId = ?1 and acknowledgedAt >= ?2 and measuredAt >= ?3 "
                + "order by acknowledgedAt desc, id", access.patientId(), clock.instant().minus(HISTORY),
                windowStart(access, zone));
    }

    /** The first instant of the window: the start of its first day where the patient lives. */
    private static Instant windowStart(Access access, ZoneId zone) {
        return access.windowStart() == null ? Instant.EPOCH : access.windowStart().atStartOfDay(zone).toInstant();
    }

    /** Alerts acknowledged within {@link #HISTORY}, latest first. */
    @Transactional
    public List<Alert> acknowledgedAlerts(Person person) {
        return Alert.acknowledged(person.id, clock.instant().minus(HISTORY));
    }

    @Transactional
    public List<Alert> alertsOfReading(Person person, UUID readingId) {
        return Alert.list("personId = ?1 and readingId = ?2", person.id, readingId);
    }

    /**
     * Records who acknowledged an alert of the owner's, and when; acknowledging again changes nothing. Someone
     * else's alert, or none, is not found.
     */
    @Transactional
    public Alert acknowledge(Person owner, UUID alertId, UUID by) {
        Alert alert = Alert.findOwned(owner.id, alertId).orElseThrow(NotFoundException::new);
        if (alert.acknowledgedAt == null) {
            alert.acknowledgedAt = now();
            alert.acknowledgedBy = by;
        }
        return alert;
    }

    /**
     * When each open alert of patients who share alerts was raised, inside each grant's window, in one query; by
     * patient.
     */
    @Transactional
    public Map<UUID, List<Instant>> sharedOpenAlertTimes(Collection<Access> accesses) {
        Map<UUID, List<Instant>> open = new HashMap<>();
        sharedOpen(accesses).forEach(a -> open.computeIfAbsent(a.patientId(), k -> new ArrayList<>()).add(a.raised()));
        return open;
    }
}
