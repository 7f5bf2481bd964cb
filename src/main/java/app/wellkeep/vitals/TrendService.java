package app.wellkeep.vitals;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.wellkeep.account.Person;
import app.wellkeep.common.RecentDays;
import app.wellkeep.common.SqlRows;
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
        return daily(person.id, metric, from, to);
    }

    /**
     * The daily figures a reader may see: the metric's category only (else the read fails loudly), and from the first
     * day of the grant's window whatever {@code from} asks.
     */
    @Transactional
    public List<DailyRollup> daily(Access access, Metric metric, LocalDate from, LocalDate to) {
        access.require(metric.category());
        return daily(access.patientId(), metric, access.clip(from), to);
    }

    /** A person's daily figures of a metric from one day to another, both included, oldest first: only read. */
    static List<DailyRollup> daily(UUID personId, Metric metric, LocalDate from, LocalDate to) {
        // Columns read as a tuple and the figures built here: person and metric are known, and a result of the
        // entity's type would be de-duplicated row by row. A three-year range is thousands of rows, only read.
        // Only sleep has stages: the others are read on the key's empty stage, one column less a row.
        boolean staged = metric == Metric.SLEEP;
        var query = DailyRollup.getEntityManager().createQuery("select " + (staged ? "r.stage, " : "")
                + "r.localDate, r.count, r.total, r.min, r.max, r.latest from DailyRollup r where r.personId = ?1 "
                + "and r.metric = ?2 and r.localDate >= ?3 and r.localDate <= ?4"
                + (staged ? " order by r.localDate, r.stage" : " and r.stage = ?5 order by r.localDate"),
                Object[].class).setParameter(1, personId).setParameter(2, metric).setParameter(3, from)
                .setParameter(4, to);
        List<Object[]> rows = (staged ? query : query.setParameter(5, Sample.NO_STAGE)).getResultList();
        int first = staged ? 1 : 0;
        List<DailyRollup> days = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            days.add(new DailyRollup(personId, metric, staged ? (String) row[0] : Sample.NO_STAGE,
                    (LocalDate) row[first], (Integer) row[first + 1], (Double) row[first + 2],
                    (Double) row[first + 3], (Double) row[first + 4], (Double) row[first + 5]));
        }
        return days;
    }

    /**
     * The weeks of a metric from one local day to another, both included, by stage, oldest first: the figures of the
     * days inside the range only, so a week the range cuts is added up from its days in the range.
     */
    @Transactional
    public List<WeeklyRollup> weekly(Person person, Metric metric, LocalDate from, LocalDate to) {
        return weekly(person.id, metric, from, to);
    }

    /**
     * The weeks a reader may see: the metric's category only, and from the first day of the grant's window, whatever
     * {@code from} asks. The week the window starts in is added up from its days inside the window.
     */
    @Transactional
    public List<WeeklyRollup> weekly(Access access, Metric metric, LocalDate from, LocalDate to) {
        access.require(metric.category());
        return weekly(access.patientId(), metric, access.clip(from), to);
    }

    private static List<WeeklyRollup> weekly(UUID personId, Metric metric, LocalDate from, LocalDate to) {
        // Whole weeks inside the range are stored; the days of the cut weeks at either end are read and added up.
        LocalDate firstWhole = from.getDayOfWeek() == DayOfWeek.MONDAY ? from : WeeklyRollup.weekOf(from).plusWeeks(1);
        LocalDate afterWhole = to.getDayOfWeek() == DayOfWeek.SUNDAY ? to.plusDays(1) : WeeklyRollup.weekOf(to);
        if (!firstWhole.isBefore(afterWhole)) {
            return WeeklyRollup.of(daily(personId, metric, from, to));
        }
        List<DailyRollup> edges = new ArrayList<>();
        if (from.isBefore(firstWhole)) {
            edges.addAll(daily(personId, metric, from, firstWhole.minusDays(1)));
        }
        if (!afterWhole.isAfter(to)) {
            edges.addAll(daily(personId, metric, afterWhole, to));
        }
        List<WeeklyRollup> weeks = new ArrayList<>(WeeklyRollup.of(edges));
        WeeklyRollup.getEntityManager().createQuery("select r.stage, r.weekStart, r.dayMask, r.count, r.total, "
                + "r.min, r.max, r.latest from WeeklyRollup r where r.personId = ?1 and r.metric = ?2 "
                + "and r.weekStart >= ?3 and r.weekStart < ?4", Object[].class).setParameter(1, personId)
                .setParameter(2, metric).setParameter(3, firstWhole).setParameter(4, afterWhole).getResultList()
                .forEach(row -> weeks.add(new WeeklyRollup(personId, metric, (String) row[0], (LocalDate) row[1],
                        (Integer) row[2], (Integer) row[3], (Double) row[4], (Double) row[5], (Double) row[6],
                        (Double) row[7])));
        weeks.sort(BY_WEEK_AND_STAGE);
        return weeks;
    }

    private static final Comparator<WeeklyRollup> BY_WEEK_AND_STAGE = Comparator
            .comparing((WeeklyRollup w) -> w.weekStart).thenComparing(w -> w.stage);

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
        return latestOfEach(person.id, null);
    }

    /**
     * Each metric's latest day as a reader may see it: only metrics of the categories of {@code accesses} (all of
     * one patient), and only when that day is inside the window. A window has no end, so a latest day before it
     * means there is nothing of the metric inside it.
     */
    @Transactional
    public Latest latestOfEach(Collection<Access> accesses) {
        if (accesses.isEmpty()) {
            return new Latest(Map.of());
        }
        Map<Category, Access> byCategory = new EnumMap<>(Category.class);
        accesses.forEach(a -> byCategory.put(a.category(), a));
        UUID patientId = accesses.iterator().next().patientId();
        return latestOfEach(patientId, (metric, day) -> {
            Access access = byCategory.get(metric.category());
            return access != null && access.patientId().equals(patientId) && access.covers(day);
        });
    }

    private static Latest latestOfEach(UUID personId, BiPredicate<Metric, LocalDate> visible) {
        // One query joining each metric's latest day to its figures, which the primary key finds.
        List<Object[]> rows = DailyRollup.getEntityManager().createQuery("select r.metric, r.stage, r.localDate, "
                + "r.count, r.total, r.min, r.max, r.latest from LatestDay d join DailyRollup r on "
                + "r.personId = d.personId and r.metric = d.metric and r.localDate = d.localDate "
                + "where d.personId = ?1", Object[].class).setParameter(1, personId).getResultList();
        Map<Metric, List<DailyRollup>> figures = new EnumMap<>(Metric.class);
        for (Object[] row : rows) {
            Metric metric = (Metric) row[0];
            LocalDate day = (LocalDate) row[2];
            if (visible == null || visible.test(metric, day)) {
                figures.computeIfAbsent(metric, m -> new ArrayList<>()).add(new DailyRollup(personId, metric,
                        (String) row[1], day, (Integer) row[3], (Double) row[4], (Double) row[5], (Double) row[6],
                        (Double) row[7]));
            }
        }
        return new Latest(figures);
    }

    /**
     * Of many patients, the latest day with figures of any metric in a category they share, inside that category's
     * window: one query whatever their number. Accesses of any vitals categories, several per patient.
     */
    @Transactional
    public Map<UUID, LocalDate> sharedLatestDays(List<Access> accesses) {
        Map<UUID, Map<Category, Access>> byPatient = new HashMap<>();
        accesses.forEach(a -> byPatient.computeIfAbsent(a.patientId(), k -> new EnumMap<>(Category.class))
                .put(a.category(), a));
        Map<UUID, LocalDate> latest = new HashMap<>();
        if (byPatient.isEmpty()) {
            return latest;
        }
        SqlRows.list(LatestDay.getEntityManager(), "select person_id, metric, local_date from latest_day "
                + "where person_id = any(?)",
                rs -> new Object[]{SqlRows.uuid(rs, 1), Metric.valueOf(rs.getString(2)), SqlRows.date(rs, 3)},
                byPatient.keySet())
                .forEach(row -> {
                    UUID person = (UUID) row[0];
                    LocalDate day = (LocalDate) row[2];
                    Access access = byPatient.get(person).get(((Metric) row[1]).category());
                    if (access != null && access.covers(day)) {
                        latest.merge(person, day, (a, b) -> a.isAfter(b) ? a : b);
                    }
                });
        return latest;
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
        return latestBloodPressure(person.id);
    }

    private static Optional<Pressure> latestBloodPressure(UUID personId) {
        return DailyRollup.<DailyRollup>find("personId = ?1 and metric = ?2 and stage = ?3 order by localDate desc",
                personId, Metric.SYSTOLIC, Sample.NO_STAGE).firstResultOptional().flatMap(
                        sys -> DailyRollup
                                .<DailyRollup>find("personId = ?1 and metric = ?2 and stage = ?3 and localDate = ?4",
                                        personId,
                                        Metric.DIASTOLIC, Sample.NO_STAGE, sys.localDate)
                                .firstResultOptional().map(dia -> new Pressure(sys.localDate, sys.latest, dia.latest)));
    }

    /** The latest blood pressure: from the snapshot, or (when the two values' latest days differ) read apart. */
    @Transactional
    public Optional<Pressure> bloodPressure(Person person, Latest latest) {
        Optional<Pressure> together = latest.bloodPressure();
        return together.isPresent() || latest.of(Metric.SYSTOLIC).isEmpty() ? together : latestBloodPressure(person);
    }

    /** The latest blood pressure a reader with this access may see (from a snapshot made with it). */
    @Transactional
    public Optional<Pressure> bloodPressure(Access access, Latest latest) {
        access.require(Category.BLOOD_PRESSURE);
        Optional<Pressure> together = latest.bloodPressure();
        return together.isPresent() || latest.of(Metric.SYSTOLIC).isEmpty()
                ? together
                : latestBloodPressure(access.patientId()).filter(p -> access.covers(p.date()));
    }

    /** The figures of one day, by stage (only sleep has stages other than none). */
    @Transactional
    public List<DailyRollup> day(Person person, Metric metric, LocalDate day) {
        return DailyRollup.list("personId = ?1 and metric = ?2 and localDate = ?3", person.id, metric, day);
    }

    /** One local day's raw readings of a metric in the person's zone, in time order. */
    public List<Reading> samplesOfDay(Person person, Metric metric, LocalDate day) {
        return samplesOfDay(person.id, person.zone(), metric, day);
    }

    /** One local day (in {@code zone}, the patient's) of raw readings a reader may see: none before the window. */
    @Transactional
    public List<Reading> samplesOfDay(Access access, ZoneId zone, Metric metric, LocalDate day) {
        access.require(metric.category());
        if (!access.covers(day)) {
            return List.of();
        }
        return samplesOfDay(access.patientId(), zone, metric, day);
    }

    /** One local day of a metric's readings in the person's zone, start and value only, in no particular order. */
    @Transactional
    public List<SampleService.TimedValue> valuesOfDay(Person person, Metric metric, LocalDate day) {
        return samples.values(person.id, metric, day.atStartOfDay(person.zone()).toInstant(),
                day.plusDays(1).atStartOfDay(person.zone()).toInstant());
    }

    /** The starts and values of one local day a reader may see (in {@code zone}, the patient's): none before the window. */
    @Transactional
    public List<SampleService.TimedValue> valuesOfDay(Access access, ZoneId zone, Metric metric, LocalDate day) {
        access.require(metric.category());
        if (!access.covers(day)) {
            return List.of();
        }
        return samples.values(access.patientId(), metric, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private List<Reading> samplesOfDay(UUID personId, ZoneId zone, Metric metric, LocalDate day) {
        return samples.readings(personId, metric, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * The days with any reading in the last {@code days} local days (today included) of each patient, counting only
     * the categories each shares and only inside each grant's window: from each metric's latest day and the days
     * before it that have figures ({@link LatestDay#recentDays}), in one query of a row per patient and metric. A
     * patient whose latest day lies so far past their today that those days do not reach back over the period is
     * read from the daily figures.
     */
    @Transactional
    public Map<UUID, Set<LocalDate>> sharedDaysWithData(Collection<Access> accesses, int days) {
        if (days > RecentDays.DAYS) {
            return dailyDaysWithData(accesses, days);
        }
        Map<UUID, Map<Category, Access>> byPatient = new HashMap<>();
        accesses.forEach(a -> byPatient.computeIfAbsent(a.patientId(), k -> new EnumMap<>(Category.class))
                .put(a.category(), a));
        // Per patient, the days with data as a mask seen from their today (bit k: today minus k), the OR of their
        // metrics': a shift and two masks a metric, not a loop over the days.
        Map<UUID, long[]> masks = new HashMap<>();
        Map<UUID, LocalDate> todays = new HashMap<>();
        Set<UUID> unreached = new HashSet<>();
        long period = (1L << days) - 1;
        SqlRows.list(LatestDay.getEntityManager(), "select person_id, metric, local_date, recent_days "
                + "from latest_day where person_id = any(?)",
                rs -> new Object[]{SqlRows.uuid(rs, 1), Metric.valueOf(rs.getString(2)), SqlRows.date(rs, 3),
                        rs.getLong(4)},
                byPatient.keySet())
                .forEach(row -> {
                    UUID person = (UUID) row[0];
                    Access access = byPatient.get(person).get(((Metric) row[1]).category());
                    LocalDate latest = (LocalDate) row[2];
                    long recent = (Long) row[3];
                    if (access == null) {
                        return;
                    }
                    LocalDate today = access.today();
                    if (today.minusDays(days - 1L).isBefore(latest.minusDays(RecentDays.DAYS - 1L))) {
                        unreached.add(person);
                        return;
                    }
                    // Bit k of the mask is today minus k: bit (latest - today) + k of the latest day's. A shift of
                    // 64 or more would wrap in Java, so a mask that far off is no days.
                    long ahead = ChronoUnit.DAYS.between(today, latest);
                    long seen = Math.abs(ahead) >= RecentDays.DAYS
                            ? 0
                            : ahead >= 0 ? recent >>> ahead : recent << -ahead;
                    seen &= period;
                    if (access.windowStart() != null) {
                        long shown = ChronoUnit.DAYS.between(access.windowStart(), today);
                        seen &= shown < 0 ? 0 : shown >= days ? period : (1L << (shown + 1)) - 1;
                    }
                    if (todays.computeIfAbsent(person, k -> today).equals(today)) {
                        masks.computeIfAbsent(person, k -> new long[1])[0] |= seen;
                    } else {
                        throw new IllegalStateException("One patient's permissions disagree on their today: " + person);
                    }
                });
        Map<UUID, Set<LocalDate>> result = new HashMap<>();
        masks.forEach((person, mask) -> {
            if (mask[0] != 0) {
                result.put(person, RecentDays.asSet(todays.get(person), mask[0]));
            }
        });
        if (!unreached.isEmpty()) {
            unreached.forEach(result::remove);
            result.putAll(dailyDaysWithData(
                    accesses.stream().filter(a -> unreached.contains(a.patientId())).toList(), days));
        }
        return result;
    }

    /** {@link #sharedDaysWithData} read from the daily figures themselves: a row per patient and day. */
    Map<UUID, Set<LocalDate>> dailyDaysWithData(Collection<Access> accesses, int days) {
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
