package app.wellkeep.coach;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.wellkeep.account.Person;
import app.wellkeep.account.PersonService;
import app.wellkeep.checkin.CheckIn.Symptom;
import app.wellkeep.checkin.CheckInService;
import app.wellkeep.common.Paging;
import app.wellkeep.common.SqlRows;
import app.wellkeep.consent.Access;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentGate;
import app.wellkeep.consent.ConsentGate.Purpose;
import app.wellkeep.consent.ConsentGate.Shown;
import app.wellkeep.vitals.MonitoringService;

/**
 * The triage queue and check-in reviews. The queue holds the check-ins of patients who share check-ins with the
 * coach (directly or through a team), inside each grant's window, that have no review or were edited after it.
 * <p>
 * Ranking, most urgent first, by the sum of the weights of the reasons found (each shown on the line):
 * an urgent questionnaire answer that day (PHQ-9 item 9 above 0) {@value #URGENT_ANSWER}; PHQ-2 of 3 or more
 * {@value #SCREENING}; GAD-2 of 3 or more {@value #SCREENING}; open out-of-range alerts measured that day, only for
 * patients who share alerts {@value #OPEN_ALERTS}; mood of 2 or less (of 5) {@value #LOW_MOOD}; symptoms present
 * that were absent from the patient's previous check-in in the window {@value #NEW_SYMPTOMS}. Equal scores: the
 * older check-in first. What ranks a check-in and does not depend on the reader is kept in {@link TriageEntries}; the
 * queue ranks and pages those of the patients the gate lets through in one statement, so a page costs the same
 * statements and reads only its lines however long the queue is.
 * <p>
 * The queue is what is current: check-ins of the last {@value #QUEUE_DAYS} days (in each patient's zone). Older ones
 * are past triage and are reviewed from the patient's check-in history; for new symptoms, the previous check-in is
 * looked for up to {@value #LOOKBACK_DAYS} days further back (none there: all its symptoms are new).
 */
@ApplicationScoped
public class TriageService {

    public static final int PAGE_SIZE = 25;
    public static final int QUEUE_DAYS = 14;
    static final int LOOKBACK_DAYS = 7;
    static final int URGENT_ANSWER = 100;
    static final int SCREENING = 40;
    static final int OPEN_ALERTS = 30;
    static final int LOW_MOOD = 20;
    static final int NEW_SYMPTOMS = 15;
    static final int LOW_MOOD_AT_MOST = 2;
    static final int SCREENING_AT_LEAST = 3;

    /** Why a check-in is in the queue, most urgent first. */
    public enum Reason {
        URGENT_ANSWER, PHQ2, GAD2, OPEN_ALERTS, LOW_MOOD, NEW_SYMPTOMS
    }

    /** A line of the queue. */
    public record Item(UUID checkInId, UUID patientId, String patientName, LocalDate date, int mood, int score,
            Set<Reason> reasons, List<Symptom> newSymptoms, boolean editedAfterReview) {
    }

    public record Queue(List<Item> items, int page, int pages, int total) {
    }

    /** Outcome of an undo. */
    public enum Undo {
        UNDONE, NOT_REVIEWED, NOT_THE_REVIEWER
    }

    /** What an undo did, the reviewer's name (for the refusal) and whose check-in it is. */
    public record UndoResult(Undo outcome, String reviewerName, UUID patientId) {
    }

    @Inject
    ConsentGate gate;

    @Inject
    Clock clock;

    @Inject
    CheckInService checkInService;

    @Inject
    PersonService persons;

    @Inject
    MonitoringService monitoring;

    /** One page (from 1) of the coach's queue; the gate logs one decision for each patient on the page. */
    @Transactional
    public Queue queue(Person coach, int page) {
        // The order uses the open alerts of every patient who shares them; the access log records the patients
        // whose lines are shown, for alerts (those who share them) and check-ins, from one decision of the gate.
        return gate.checkMany(coach, List.of(Category.ALERTS, Category.CHECK_INS), Purpose.TRIAGE, permits -> {
            Map<UUID, Access> checkIns = permits.get(Category.CHECK_INS);
            Queue shown = checkIns.isEmpty()
                    ? new Queue(List.of(), 1, 1, 0)
                    : read(checkIns, permits.get(Category.ALERTS), page);
            return new Shown<>(shown, shown.items().stream().map(Item::patientId).toList());
        });
    }

    /** A line as the queue's statement returns it, with the total of the queue. */
    private record Row(Item item, int total) {
    }

    /** The score of an entry in SQL, from the same weights as {@link #weight}: see {@link #QUEUE}. */
    private static final String SCORE = "CASE WHEN e.urgent THEN " + URGENT_ANSWER + " ELSE 0 END"
            + " + CASE WHEN e.phq2 >= " + SCREENING_AT_LEAST + " THEN " + SCREENING + " ELSE 0 END"
            + " + CASE WHEN e.gad2 >= " + SCREENING_AT_LEAST + " THEN " + SCREENING + " ELSE 0 END"
            + " + CASE WHEN a.person_id IS NULL THEN 0 ELSE " + OPEN_ALERTS + " END"
            + " + CASE WHEN e.mood <= " + LOW_MOOD_AT_MOST + " THEN " + LOW_MOOD + " ELSE 0 END"
            + " + CASE WHEN (CASE WHEN e.previous_date >= w.previous_from THEN e.fresh ELSE e.symptoms <> '' END) "
            + "THEN " + NEW_SYMPTOMS + " ELSE 0 END";

    /**
     * One page of the queue, ranked in the database: the entries of the patients the gate let through, from each
     * one's first queue day inside the grant's window ({@code w}); the check-in before counts only from
     * {@code previous_from} (inside the window and the look-back); open alerts ({@code a}) are the days the gate's
     * alert decisions allowed. Highest score first, then the older check-in, then by id. The ranking carries only what
     * it sorts by through every entry of the queue; the page's lines are then read by id, symptoms and all.
     */
    private static final String QUEUE = "WITH ranked AS (SELECT e.checkin_id, e.local_date, w.previous_from, "
            + "CASE WHEN a.person_id IS NULL THEN FALSE ELSE TRUE END AS alerted, " + SCORE + " AS score, "
            + "COUNT(*) OVER () AS total FROM triage_entry e "
            + "JOIN UNNEST(CAST(? AS UUID ARRAY), CAST(? AS DATE ARRAY), CAST(? AS DATE ARRAY)) "
            + "AS w(person_id, first_day, previous_from) ON e.person_id = w.person_id AND e.local_date >= w.first_day "
            + "LEFT JOIN (SELECT DISTINCT person_id, local_date FROM UNNEST(CAST(? AS UUID ARRAY), "
            + "CAST(? AS DATE ARRAY)) AS x(person_id, local_date)) a "
            + "ON a.person_id = e.person_id AND a.local_date = e.local_date "
            + "ORDER BY score DESC, e.local_date, e.checkin_id LIMIT ? OFFSET ?) "
            + "SELECT e.checkin_id, e.person_id, e.local_date, e.mood, e.symptoms, "
            + "CASE WHEN e.previous_date >= r.previous_from THEN e.previous_symptoms ELSE '' END, e.urgent, e.phq2, "
            + "e.gad2, r.alerted, e.edited_after_review, r.score, r.total "
            + "FROM ranked r JOIN triage_entry e ON e.checkin_id = r.checkin_id "
            + "ORDER BY r.score DESC, r.local_date, r.checkin_id";

    /**
     * The page asked for, in one statement; a page past the end costs two more (the total, then the last page).
     * Each patient's queue days are those after their today minus {@value #QUEUE_DAYS}, inside the grant's window.
     */
    private Queue read(Map<UUID, Access> checkIns, Map<UUID, Access> alerts, int page) {
        List<UUID> patients = new ArrayList<>(checkIns.size());
        List<LocalDate> firstDays = new ArrayList<>(checkIns.size());
        List<LocalDate> previousFrom = new ArrayList<>(checkIns.size());
        LocalDate earliest = null;
        for (Access access : checkIns.values()) {
            LocalDate first = access.require(Category.CHECK_INS).today().minusDays(QUEUE_DAYS - 1L);
            patients.add(access.patientId());
            firstDays.add(access.clip(first));
            // A window starting after the check-in before shows none before: all of this one's symptoms are new.
            previousFrom.add(access.clip(first.minusDays(LOOKBACK_DAYS)));
            earliest = earliest == null || first.isBefore(earliest) ? first : earliest;
        }
        List<UUID> alertPatients = new ArrayList<>();
        List<LocalDate> alertDays = new ArrayList<>();
        LocalDate since = earliest;
        monitoring.sharedOpenAlertDays(alerts.values(), since).forEach((patient, days) -> days.stream()
                .filter(day -> checkIns.containsKey(patient)).forEach(day -> {
                    alertPatients.add(patient);
                    alertDays.add(day);
                }));
        Object[] windows = {new SqlRows.Values("uuid", patients), new SqlRows.Values("date", firstDays),
                new SqlRows.Values("date", previousFrom), new SqlRows.Values("uuid", alertPatients),
                new SqlRows.Values("date", alertDays)};
        List<Row> rows = rows(windows, Math.max(page, 1));
        if (rows.isEmpty() && page > 1) {
            List<Row> first = rows(windows, 1);
            int total = first.isEmpty() ? 0 : first.get(0).total();
            rows = rows(windows, Paging.of(total, page, PAGE_SIZE).page());
        }
        int total = rows.isEmpty() ? 0 : rows.get(0).total();
        Paging paging = Paging.of(total, page, PAGE_SIZE);
        Set<UUID> shown = new LinkedHashSet<>();
        rows.forEach(r -> shown.add(r.item().patientId()));
        Map<UUID, String> names = persons.displayNames(shown);
        List<Item> items = rows.stream().map(Row::item).map(i -> new Item(i.checkInId(), i.patientId(),
                names.get(i.patientId()), i.date(), i.mood(), i.score(), i.reasons(), i.newSymptoms(),
                i.editedAfterReview())).toList();
        return new Queue(items, paging.page(), paging.pages(), total);
    }

    private static List<Row> rows(Object[] windows, int page) {
        Object[] params = Arrays.copyOf(windows, windows.length + 2);
        params[windows.length] = PAGE_SIZE;
        params[windows.length + 1] = (page - 1) * PAGE_SIZE;
        return SqlRows.list(CheckInReview.getEntityManager(), QUEUE, rs -> {
            Set<Reason> reasons = EnumSet.noneOf(Reason.class);
            if (rs.getBoolean(7)) {
                reasons.add(Reason.URGENT_ANSWER);
            }
            if (rs.getInt(8) >= SCREENING_AT_LEAST) {
                reasons.add(Reason.PHQ2);
            }
            if (rs.getInt(9) >= SCREENING_AT_LEAST) {
                reasons.add(Reason.GAD2);
            }
            if (rs.getBoolean(10)) {
                reasons.add(Reason.OPEN_ALERTS);
            }
            int mood = rs.getInt(4);
            if (mood <= LOW_MOOD_AT_MOST) {
                reasons.add(Reason.LOW_MOOD);
            }
            Set<Symptom> previous = symptoms(rs.getString(6));
            List<Symptom> fresh = symptoms(rs.getString(5)).stream().filter(s -> !previous.contains(s)).toList();
            if (!fresh.isEmpty()) {
                reasons.add(Reason.NEW_SYMPTOMS);
            }
            int score = reasons.stream().mapToInt(TriageService::weight).sum();
            if (score != rs.getInt(12)) {
                throw new IllegalStateException("Triage score " + rs.getInt(12) + " in SQL, " + score + " in Java");
            }
            return new Row(new Item(SqlRows.uuid(rs, 1), SqlRows.uuid(rs, 2), null, SqlRows.date(rs, 3), mood, score,
                    reasons, fresh, rs.getBoolean(11)), rs.getInt(13));
        }, params);
    }

    static int weight(Reason reason) {
        return switch (reason) {
            case URGENT_ANSWER -> URGENT_ANSWER;
            case PHQ2, GAD2 -> SCREENING;
            case OPEN_ALERTS -> OPEN_ALERTS;
            case LOW_MOOD -> LOW_MOOD;
            case NEW_SYMPTOMS -> NEW_SYMPTOMS;
        };
    }

    private static Set<Symptom> symptoms(String encoded) {
        Set<Symptom> set = EnumSet.noneOf(Symptom.class);
        if (encoded != null && !encoded.isEmpty()) {
            for (String code : encoded.split(",")) {
                set.add(Symptom.valueOf(code));
            }
        }
        return set;
    }

    /**
     * The permission to act on one check-in: the gate must allow check-ins of its patient and the check-in must
     * be inside the grant's window. Empty for anything else, as for a check-in that does not exist.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CheckInService.Line> permitted(Person coach, UUID checkInId) {
        Optional<CheckInService.Line> checkIn = checkInService.ownerOf(checkInId);
        if (checkIn.isEmpty()) {
            return Optional.empty();
        }
        CheckInService.Line line = checkIn.get();
        // The patient themself is not a coach of theirs: only a grant lets anyone review or answer a check-in.
        return gate.checkDay(coach, line.patientId(), Category.CHECK_INS, line.date(), Purpose.CARE_TEAM_VIEW)
                .filter(a -> a.grantId() != null).map(a -> line);
    }

    /** Whose check-in it is, if the coach may act on it (see {@link #permitted}); the decision is logged. */
    @Transactional
    public Optional<UUID> mayAct(Person coach, UUID checkInId) {
        return permitted(coach, checkInId).map(CheckInService.Line::patientId);
    }

    /** Marks the check-in reviewed by the coach now; a review of an edited check-in is replaced. */
    @Transactional
    public Optional<UUID> review(Person coach, UUID checkInId) {
        return permitted(coach, checkInId).map(checkIn -> {
            CheckInReview review = CheckInReview.findById(checkIn.id());
            if (review == null) {
                review = new CheckInReview();
                review.checkinId = checkIn.id();
                review.patientId = checkIn.patientId();
                review.reviewedBy = coach.id;
                review.reviewerName = coach.displayName;
                review.reviewedAt = clock.instant();
                review.persist();
            } else if (review.reviewedAt.isBefore(checkIn.updatedAt())) {
                // Edited since it was reviewed: this is a new review, and its author the one who may undo it.
                review.reviewedBy = coach.id;
                review.reviewerName = coach.displayName;
                review.reviewedAt = later(clock.instant(), checkIn.updatedAt());
            }
            ReviewSummary.refresh(checkIn.patientId());
            TriageEntries.refresh(checkIn.patientId());
            return checkIn.patientId();
        });
    }

    /** Takes back a review; only its author may. Empty when the coach may not act on the check-in. */
    @Transactional
    public Optional<UndoResult> undo(Person coach, UUID checkInId) {
        return permitted(coach, checkInId).map(checkIn -> {
            CheckInReview review = CheckInReview.findById(checkIn.id());
            if (review == null) {
                return new UndoResult(Undo.NOT_REVIEWED, null, checkIn.patientId());
            }
            if (!coach.id.equals(review.reviewedBy)) {
                return new UndoResult(Undo.NOT_THE_REVIEWER, review.reviewerName, checkIn.patientId());
            }
            review.delete();
            ReviewSummary.refresh(checkIn.patientId());
            TriageEntries.refresh(checkIn.patientId());
            return new UndoResult(Undo.UNDONE, review.reviewerName, checkIn.patientId());
        });
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
