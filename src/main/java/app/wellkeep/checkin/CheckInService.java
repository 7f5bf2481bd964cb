package app.wellkeep.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import io.quarkus.narayana.jta.QuarkusTransaction;

import app.wellkeep.account.Person;
import app.wellkeep.coach.TriageEntries;
import app.wellkeep.common.RecentDays;
import app.wellkeep.common.SqlRows;
import app.wellkeep.consent.Access;
import app.wellkeep.consent.Category;

/** Daily check-ins and instrument answers: saving them, and the figures a patient and a care team look at. */
@ApplicationScoped
public class CheckInService {

    /** The screening instruments are offered again a week after they were last answered. */
    public static final Duration SCREENING_INTERVAL = Duration.ofDays(7);
    public static final List<String> SCREENINGS = List.of("phq-2", "gad-2");
    public static final int HISTORY_DAYS = 90;

    @Inject
    Clock clock;

    @Inject
    InstrumentCatalogue instruments;

    public LocalDate today(Person person) {
        return LocalDate.now(clock.withZone(person.zone()));
    }

    public Optional<CheckIn> todays(Person person) {
        return CheckIn.findForDay(person.id, today(person));
    }

    public boolean dueToday(Person person) {
        return todays(person).isEmpty();
    }

    /**
     * Saves today's check-in: the first of the day creates it, later ones the same day change it. Two submissions
     * racing each other (a double click) end as one check-in.
     */
    public CheckIn save(Person person, CheckInForm.Values values) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> upsert(person, values));
        } catch (PersistenceException raced) {
            return QuarkusTransaction.requiringNew().call(() -> upsert(person, values));
        }
    }

    private CheckIn upsert(Person person, CheckInForm.Values values) {
        LocalDate day = today(person);
        CheckIn checkIn = CheckIn.findForDay(person.id, day).orElse(null);
        boolean created = checkIn == null;
        if (created) {
            checkIn = new CheckIn();
            checkIn.id = UUID.randomUUID();
            checkIn.personId = person.id;
            checkIn.localDate = day;
            checkIn.timeZone = person.timeZone;
            checkIn.createdAt = clock.instant();
        }
        checkIn.mood = (short) values.mood();
        checkIn.energy = (short) values.energy();
        checkIn.stress = (short) values.stress();
        checkIn.sleepQuality = (short) values.sleepQuality();
        checkIn.medication = values.medication();
        checkIn.symptoms = CheckIn.encode(values.symptoms());
        checkIn.symptomNote = values.symptomNote();
        checkIn.note = values.note();
        checkIn.updatedAt = clock.instant();
        if (created) {
            checkIn.persistAndFlush();
            CheckInSummary.refresh(person.id);
        }
        TriageEntries.refresh(person.id);
        return checkIn;
    }

    /**
     * Stores answers to an instrument. The same form sent twice (same submission key) is one response. A
     * follow-up names the screening it follows only if that screening is the person's own.
     */
    public QuestionnaireResponse answer(Person person, Instrument instrument, Map<String, Integer> answers,
            UUID submissionKey, UUID follows) {
        Scoring.Result result = Scoring.score(instrument, answers);
        try {
            return QuarkusTransaction.requiringNew()
                    .call(() -> store(person, instrument, answers, result, submissionKey, follows));
        } catch (PersistenceException raced) {
            return QuarkusTransaction.requiringNew()
                    .call(() -> QuestionnaireResponse.findBySubmission(person.id, submissionKey).orElseThrow());
        }
    }

    private QuestionnaireResponse store(Person person, Instrument instrument, Map<String, Integer> answers,
            Scoring.Result result, UUID submissionKey, UUID follows) {
        Optional<QuestionnaireResponse> again = QuestionnaireResponse.findBySubmission(person.id, submissionKey);
        if (again.isPresent()) {
            return again.get();
        }
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.id = UUID.randomUUID();
        response.personId = person.id;
        response.instrument = instrument.id();
        response.localDate = today(person);
        response.authoredAt = clock.instant();
        response.answers = QuestionnaireResponse.encode(answers);
        response.totalScore = (short) result.total();
        response.band = result.band();
        response.urgent = result.urgent();
        response.followsId = follows == null
                ? null
                : QuestionnaireResponse.findOwned(person.id, follows).map(r -> r.id).orElse(null);
        response.submissionKey = submissionKey;
        response.persistAndFlush();
        TriageEntries.refresh(person.id);
        return response;
    }

    /** Screening instruments due now: never answered, or last answered a week or more ago. */
    public List<String> screeningsDue(Person person) {
        List<String> due = new ArrayList<>();
        for (String id : SCREENINGS) {
            Optional<QuestionnaireResponse> last = QuestionnaireResponse.latest(person.id, id);
            if (last.isEmpty() || !last.get().authoredAt.plus(SCREENING_INTERVAL).isAfter(clock.instant())) {
                due.add(id);
            }
        }
        return due;
    }

    public record Day(LocalDate date, CheckIn checkIn) {

        public boolean done() {
            return checkIn != null;
        }
    }

    /** The last {@code days} local days up to today, oldest first, with the check-in of each (or none). */
    public List<Day> days(Person person, int days) {
        LocalDate today = today(person);
        LocalDate from = today.minusDays(days - 1L);
        Map<LocalDate, CheckIn> byDate = CheckIn.between(person.id, from, today).stream()
                .collect(Collectors.toMap(c -> c.localDate, c -> c));
        List<Day> result = new ArrayList<>(days);
        for (LocalDate date = from; !date.isAfter(today); date = date.plusDays(1)) {
            result.add(new Day(date, byDate.get(date)));
        }
        return result;
    }

    /**
     * Consecutive days with a check-in, ending today, or yesterday while today's is still open: a streak is not
     * lost before the day is over.
     */
    public static int streak(Set<LocalDate> done, LocalDate today) {
        LocalDate day = done.contains(today) ? today : today.minusDays(1);
        int streak = 0;
        while (done.contains(day)) {
            streak++;
            day = day.minusDays(1);
        }
        return streak;
    }

    public int streak(Person person) {
        LocalDate today = today(person);
        Set<LocalDate> done = CheckIn.between(person.id, today.minusDays(HISTORY_DAYS * 4L), today).stream()
                .map(c -> c.localDate).collect(Collectors.toSet());
        return streak(done, today);
    }

    /**
     * What a care team watches: days since the last check-in (empty when there never was one), and check-ins in
     * the last 7 and 30 local days, today included.
     */
    public record Compliance(Optional<Long> daysSinceLast, int last7, int last30) {
    }

    public static Compliance compliance(List<LocalDate> checkInDates, LocalDate today) {
        Optional<LocalDate> last = checkInDates.stream().filter(d -> !d.isAfter(today)).max(LocalDate::compareTo);
        int last7 = (int) checkInDates.stream().filter(d -> !d.isAfter(today) && d.isAfter(today.minusDays(7))).count();
        int last30 = (int) checkInDates.stream().filter(d -> !d.isAfter(today) && d.isAfter(today.minusDays(30)))
                .count();
        return new Compliance(last.map(d -> ChronoUnit.DAYS.between(d, today)), last7, last30);
    }

    public Compliance compliance(Person person) {
        LocalDate today = today(person);
        Optional<CheckIn> last = CheckIn.find("personId = ?1 and localDate <= ?2 order by localDate desc", person.id,
                today).firstResultOptional();
        List<LocalDate> recent = CheckIn.between(person.id, today.minusDays(29), today).stream().map(c -> c.localDate)
                .collect(Collectors.toCollection(ArrayList::new));
        last.map(c -> c.localDate).filter(d -> !recent.contains(d)).ifPresent(recent::add);
        return compliance(recent, today);
    }

    public List<QuestionnaireResponse> responses(Person person, int days) {
        LocalDate today = today(person);
        return QuestionnaireResponse.between(person.id, today.minusDays(days - 1L), today);
    }

    /** Check-ins of a patient who shares them, from {@code from} (clipped to the grant's window) to {@code to}. */
    public List<CheckIn> sharedCheckIns(Access access, LocalDate from, LocalDate to) {
        access.require(Category.CHECK_INS);
        LocalDate start = access.clip(from);
        return start.isAfter(to) ? List.of() : CheckIn.between(access.patientId(), start, to);
    }

    /** Questionnaire answers of a patient who shares check-ins, inside the grant's window. */
    public List<QuestionnaireResponse> sharedResponses(Access access, LocalDate from, LocalDate to) {
        access.require(Category.CHECK_INS);
        LocalDate start = access.clip(from);
        return start.isAfter(to) ? List.of() : QuestionnaireResponse.between(access.patientId(), start, to);
    }

    /**
     * Check-in figures as a roster shows them, only inside each grant's window: the last check-in, and of the last 7
     * and 30 days (today included) how many had one and how many the window shows.
     */
    public record SharedCompliance(Optional<LocalDate> last, Optional<Long> daysSinceLast, int done7, int days7,
            int done30, int days30) {

        /** Whole percent of the days shown in the last 7 days that have a check-in; empty when none is shown. */
        public Optional<Integer> adherence7() {
            return percent(done7, days7);
        }

        public Optional<Integer> adherence30() {
            return percent(done30, days30);
        }

        private static Optional<Integer> percent(int done, int days) {
            return days == 0 ? Optional.empty() : Optional.of((int) Math.round(100.0 * done / days));
        }
    }

    /**
     * {@link SharedCompliance} of many patients who share check-ins, in one query whatever their number: each
     * patient's {@link CheckInSummary}, a short row however long their history.
     */
    public Map<UUID, SharedCompliance> sharedCompliance(List<Access> accesses) {
        if (accesses.isEmpty()) {
            return Map.of();
        }
        accesses.forEach(a -> a.require(Category.CHECK_INS));
        Map<UUID, Object[]> summaries = new HashMap<>();
        SqlRows.list(CheckIn.getEntityManager(), "select person_id, last_checkin, checkin_days from checkin_summary "
                + "where person_id = any(?)",
                rs -> new Object[]{SqlRows.uuid(rs, 1), SqlRows.date(rs, 2), rs.getLong(3)},
                accesses.stream().map(Access::patientId).toList())
                .forEach(row -> summaries.put((UUID) row[0], row));
        Map<UUID, SharedCompliance> figures = new HashMap<>();
        for (Access access : accesses) {
            Object[] row = summaries.get(access.patientId());
            figures.put(access.patientId(), row == null
                    ? compliance(access.today(), access.windowStart(), null, 0)
                    : compliance(access.today(), access.windowStart(), (LocalDate) row[1], (Long) row[2]));
        }
        return figures;
    }

    /**
     * The figures of one patient on their {@code today}, seen from {@code windowStart} (null: all history), from
     * their summary ({@code last} null: no check-in ever).
     */
    static SharedCompliance compliance(LocalDate today, LocalDate windowStart, LocalDate last, long days) {
        // The latest may lie after this patient's today (written a zone ahead): then the one before it counts.
        Optional<LocalDate> latest = last == null
                ? Optional.<LocalDate>empty()
                : RecentDays.latest(last, days, today).filter(d -> windowStart == null || !d.isBefore(windowStart));
        return new SharedCompliance(latest, latest.map(d -> ChronoUnit.DAYS.between(d, today)),
                count(today, windowStart, last, days, 7), shown(today, windowStart, 7),
                count(today, windowStart, last, days, 30), shown(today, windowStart, 30));
    }

    /** Check-ins on the days of the last {@code period} (today included) the window shows. */
    private static int count(LocalDate today, LocalDate windowStart, LocalDate last, long days, int period) {
        if (last == null) {
            return 0;
        }
        // A window starting after today is an empty period, which counts nothing.
        return RecentDays.count(last, days, first(today, windowStart, period), today);
    }

    /** The first of the last {@code period} days (today included) the window shows. */
    private static LocalDate first(LocalDate today, LocalDate windowStart, int period) {
        return Access.clip(windowStart, today.minusDays(period - 1L));
    }

    /** How many of the last {@code period} days (today included) the window shows. */
    private static int shown(LocalDate today, LocalDate windowStart, int period) {
        LocalDate from = first(today, windowStart, period);
        return from.isAfter(today) ? 0 : (int) ChronoUnit.DAYS.between(from, today) + 1;
    }

    /** Whose check-in it is and its day, as a coach's action on it needs (see {@link #ownerOf}). */
    public record Line(UUID id, UUID patientId, LocalDate date, int mood, String symptoms,
            java.time.Instant updatedAt) {
    }

    /**
     * Whose check-in this is and its day, nothing of its content: what the consent gate needs to decide whether a
     * coach may act on it.
     */
    public Optional<Line> ownerOf(UUID checkInId) {
        return CheckIn.<CheckIn>findByIdOptional(checkInId)
                .map(c -> new Line(c.id, c.personId, c.localDate, 0, "", c.updatedAt));
    }

    public Optional<Instrument> instrument(String id) {
        return instruments.find(id);
    }

    /**
     * The latest check-in day of each patient who shares check-ins, inside each grant's window and up to their today,
     * in one query of their summaries (as the roster's last check-in); a patient without one is absent.
     */
    public Map<UUID, LocalDate> lastSharedCheckIns(Collection<Access> accesses) {
        Map<UUID, LocalDate> last = new HashMap<>();
        sharedCompliance(List.copyOf(accesses)).forEach((id, c) -> c.last().ifPresent(day -> last.put(id, day)));
        return last;
    }
}
