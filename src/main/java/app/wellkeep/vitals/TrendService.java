package app.wellkeep.vitals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.wellkeep.account.Person;
import app.wellkeep.consent.Access;
import app.wellkeep.consent.Category;

/**
 * What trend pages, the dashboard and the owner API read. Ranges of days come from the daily figures only, so a
 * year of a one-reading-a-minute heart rate costs 365 rows; raw readings are read for a single day at most.
 */
@ApplicationScoped
public class TrendService {

    /** The longest range a page or the API serves. */
    public static final int MAX_YEARS = 3;

    @Inject
    Clock clock;

    @Inject
    SampleService samples;

    public LocalDate today(Person person) {
        return LocalDate.ofInstant(clock.instant(), person.zone());
    }

    /** Figures are only read here: loaded without the copies Hibernate keeps to find changes. */
    static final String READ_ONLY = "org.hibernate.readOnly";

    /** The daily figures of a metric from one local day to another, both included, oldest first; all stages. */
    @Transactional
    public List<DailyRollup> daily(Person person, Metric metric, LocalDate from, LocalDate to) {
        return DailyRollup.<DailyRollup>find("personId = ?1 and metric = ?2 and localDate >= ?3 and localDate <= ?4 "
                + "order by localDate, stage", person.id, metric, from, to).withHint(READ_ONLY, true).list();
    }

    /** The figures of the latest day that has any of this metric. */
    @Transactional
    public Optional<DailyRollup> latest(Person person, Metric metric) {
        return DailyRollup.<DailyRollup>find("personId = ?1 and metric = ?2 and stage = ?3 order by localDate desc",
                person.id, metric, Sample.NO_STAGE).firstResultOptional();
    }

    /**
     * Every metric's latest day and its figures (all stages), for the index and the dashboard: two queries, the
     * latest days (kept as figures are counted, {@link LatestDay}) and their figures.
     */
    @Transactional
    public Latest latestOfEach(Person person) {
        Map<Metric, LocalDate> days = new EnumMap<>(Metric.class);
        LatestDay.<LatestDay>list("personId", person.id).forEach(d -> days.put(d.metric, d.localDate));
        Map<Metric, List<DailyRollup>> figures = new EnumMap<>(Metric.class);
        if (!days.isEmpty()) {
            DailyRollup.<DailyRollup>find("personId = ?1 and localDate in ?2", person.id, Set.copyOf(days.values()))
                    .withHint(READ_ONLY, true).stream().filter(r -> r.localDate.equals(days.get(r.metric)))
                    .forEach(r -> figures.computeIfAbsent(r.metric, m -> new ArrayList<>()).add(r));
        }
        return new Latest(figures);
    }

    /** Each metric's latest day, by stage. */
    public record Latest(Map<Metric, List<DailyRollup>> days) {

        /** The latest day's figures of a metric without stages; for sleep, one of its stages (for the date). */
        public Optional<DailyRollup> of(Metric metric) {
            List<DailyRollup> day = days.getOrDefault(metric, List.of());
            return day.stream().filter(r -> r.stage.equals(Sample.NO_STAGE)).findFirst()
                    .or(() -> day.stream().findFirst());
        }

        /** All the figures of the latest day of a metric: the stages of a night. */
        public List<DailyRollup> stages(Metric metric) {
            return days.getOrDefault(metric, List.of());
        }

        /** The figures of a metric on a day, if that day is its latest (today's steps, last night). */
        public List<DailyRollup> on(Metric metric, LocalDate day) {
            List<DailyRollup> latest = stages(metric);
            return !latest.isEmpty() && latest.get(0).localDate.equals(day) ? latest : List.of();
        }

        /** The latest blood pressure, when both values have the same latest day, as a reading gives them. */
        public Optional<Pressure> bloodPressure() {
            return of(Metric.SYSTOLIC).flatMap(sys -> of(Metric.DIASTOLIC)
                    .filter(dia -> dia.localDate.equals(sys.localDate))
                    .map(dia -> new Pressure(sys.localDate, sys.latest, dia.latest)));
        }
    }

    /** A blood pressure: the latest systolic and diastolic values of one day. */
    public record Pressure(LocalDate date, double systolic, double diastolic) {

        public String text() {
            return Math.round(systolic) + "/" + Math.round(diastolic);
        }
    }

    /** The latest day's last systolic and diastolic values, which a reading takes together. */
    @Transactional
    public Optional<Pressure> latestBloodPressure(Person person) {
        return latest(person, Metric.SYSTOLIC).flatMap(sys -> DailyRollup
                .<DailyRollup>find("personId = ?1 and metric = ?2 and stage = ?3 and localDate = ?4", person.id,
                        Metric.DIASTOLIC, Sample.NO_STAGE, sys.localDate)
                .firstResultOptional().map(dia -> new Pressure(sys.localDate, sys.latest, dia.latest)));
    }

    /** The latest blood pressure: from the snapshot, or (when the two values' latest days differ) read apart. */
    @Transactional
    public Optional<Pressure> bloodPressure(Person person, Latest latest) {
        Optional<Pressure> together = latest.bloodPressure();
        return together.isPresent() || latest.of(Metric.SYSTOLIC).isEmpty() ? together : latestBloodPressure(person);
    }

    /** The figures of one day, by stage (only sleep has stages other than none). */
    @Transactional
    public List<DailyRollup> day(Person person, Metric metric, LocalDate day) {
        return DailyRollup.list("personId = ?1 and metric = ?2 and localDate = ?3", person.id, metric, day);
    }

    /** One local day's raw readings of a metric in the person's zone, in time order. */
    public List<Reading> samplesOfDay(Person person, Metric metric, LocalDate day) {
        ZoneId zone = person.zone();
        return samples.readings(person.id, metric, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * The days with any reading in the last {@code days} local days (today included) of each patient, counting only
     * the categories each shares and only inside each grant's window, in one query (a row per patient and day, with
     * a flag per category).
     */
    @Transactional
    public Map<UUID, Set<LocalDate>> sharedDaysWithData(Collection<Access> accesses, int days) {
        Map<UUID, Map<Category, Access>> byPatient = new HashMap<>();
        accesses.forEach(a -> byPatient.computeIfAbsent(a.patientId(), k -> new EnumMap<>(Category.class))
                .put(a.category(), a));
        Map<UUID, Set<LocalDate>> result = new HashMap<>();
        if (byPatient.isEmpty()) {
            return result;
        }
        List<Category> categories = Arrays.stream(Metric.values()).map(Metric::category).distinct().toList();
        StringBuilder flags = new StringBuilder();
        for (int i = 0; i < categories.size(); i++) {
            flags.append(", max(case when r.metric in ?").append(i + 3).append(" then 1 else 0 end)");
        }
        LocalDate earliest = accesses.stream().map(a -> a.today().minusDays(days - 1L)).min(LocalDate::compareTo)
                .orElseThrow();
        var query = DailyRollup.getEntityManager().createQuery("select r.personId, r.localDate" + flags
                + " from DailyRollup r where r.personId in ?1 and r.localDate >= ?2 group by r.personId, r.localDate",
                Object[].class).setParameter(1, byPatient.keySet()).setParameter(2, earliest);
        for (int i = 0; i < categories.size(); i++) {
            Category category = categories.get(i);
            query.setParameter(i + 3,
                    Arrays.stream(Metric.values()).filter(m -> m.category() == category).toList());
        }
        for (Object[] row : query.setHint(READ_ONLY, true).getResultList()) {
            UUID patientId = (UUID) row[0];
            LocalDate day = (LocalDate) row[1];
            Map<Category, Access> shared = byPatient.get(patientId);
            for (int i = 0; i < categories.size(); i++) {
                Access access = shared.get(categories.get(i));
                if (access != null && ((Number) row[i + 2]).intValue() == 1 && access.covers(day)
                        && !day.isAfter(access.today()) && day.isAfter(access.today().minusDays(days))) {
                    result.computeIfAbsent(patientId, k -> new HashSet<>()).add(day);
                }
            }
        }
        return result;
    }
}
