package app.wellkeep.coach;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
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
 * older check-in first. Every query is set-based, so a page costs the same number of statements however long the
 * queue is.
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
        return gate.checkMany(coach, Category.CHECK_INS, Purpose.TRIAGE, checkIns -> {
            List<Candidate> candidates = checkIns.isEmpty() ? List.of() : candidates(checkIns);
            // The order uses the open alerts of every patient who shares them; the access log records the
            // patients whose lines are shown, as for check-ins.
            Queue queue = gate.checkMany(coach, Category.ALERTS, Purpose.TRIAGE, alerts -> {
                Queue shown = page(rank(candidates, openAlertDays(alerts, candidates)), page);
                return new Shown<>(shown, shown.items().stream().map(Item::patientId).toList());
            });
            return new Shown<>(queue, queue.items().stream().map(Item::patientId).toList());
        });
    }

    private Queue page(List<Item> ranked, int page) {
        Paging paging = Paging.of(ranked.size(), page, PAGE_SIZE);
        List<Item> shown = paging.of(ranked);
        Set<UUID> patients = new LinkedHashSet<>();
        shown.forEach(i -> patients.add(i.patientId()));
        Map<UUID, String> names = persons.displayNames(patients);
        List<Item> named = shown.stream().map(i -> new Item(i.checkInId(), i.patientId(), names.get(i.patientId()),
                i.date(), i.mood(), i.score(), i.reasons(), i.newSymptoms(), i.editedAfterReview())).toList();
        return new Queue(named, paging.page(), paging.pages(), ranked.size());
    }

    /** An unreviewed check-in with what ranking needs, before the reasons are worked out. */
    record Candidate(UUID id, UUID patientId, LocalDate date, int mood, String symptoms, boolean reviewed,
            Set<Symptom> previous, boolean urgent, int phq2, int gad2) {
    }

    /**
     * A check-in that may be in the queue: written from {@code queueFrom} on, inside its grant's window, and not
     * reviewed since it was last written; with the symptoms of the patient's check-in before it ({@code previous},
     * null when there is none inside the window or in the {@value #LOOKBACK_DAYS} days before the queue).
     */
    record QueueLine(UUID id, UUID patientId, LocalDate date, int mood, String symptoms, boolean reviewed,
            String previous) {
    }

    /**
     * The check-ins that may be in the queue, in one statement: the database pairs each with the one before it and
     * leaves out those reviewed since, so only the unreviewed few thousand of a thousand patients' weeks are read.
     */
    private static List<QueueLine> queueLines(Map<UUID, Access> checkIns, LocalDate queueFrom) {
        checkIns.values().forEach(a -> a.require(Category.CHECK_INS));
        LocalDate earliest = queueFrom.minusDays(LOOKBACK_DAYS);
        return SqlRows.list(CheckInReview.getEntityManager(), "select id, person_id, local_date, mood, symptoms, "
                + "reviewed_at, previous_symptoms, previous_date from (select c.id, c.person_id, c.local_date, c.mood, "
                + "c.symptoms, c.updated_at, r.reviewed_at, lag(c.symptoms) over (partition by c.person_id order by "
                + "c.local_date) as previous_symptoms, lag(c.local_date) over (partition by c.person_id order by "
                + "c.local_date) as previous_date from checkin c left join checkin_review r on r.checkin_id = c.id "
                + "where c.person_id = any(?) and c.local_date >= ?) q where q.local_date >= ? "
                + "and (q.reviewed_at is null or q.reviewed_at < q.updated_at)", rs -> {
                    UUID patientId = SqlRows.uuid(rs, 2);
                    Access access = checkIns.get(patientId);
                    LocalDate date = SqlRows.date(rs, 3);
                    if (!access.covers(date)) {
                        return null;
                    }
                    LocalDate previousDate = SqlRows.date(rs, 8);
                    // The check-in before, if the window shows it: a window starting after it shows none before.
                    String previous = previousDate != null && access.covers(previousDate) ? rs.getString(7) : null;
                    return new QueueLine(SqlRows.uuid(rs, 1), patientId, date, rs.getInt(4), rs.getString(5),
                            SqlRows.instant(rs, 6) != null, previous);
                }, checkIns.keySet(), earliest, queueFrom).stream().filter(java.util.Objects::nonNull).toList();
    }

    /** A day of one patient's: what questionnaire answers are matched to check-ins by. */
    private record PatientDay(UUID patientId, LocalDate date) {
    }

    private List<Candidate> candidates(Map<UUID, Access> checkIns) {
        LocalDate latestToday = checkIns.values().stream().map(Access::today).max(LocalDate::compareTo).get();
        // A day earlier than any patient's first queue day: their todays differ by a day or so across zones.
        LocalDate queueFrom = latestToday.minusDays(QUEUE_DAYS + 1L);
        List<QueueLine> lines = queueLines(checkIns, queueFrom);
        if (lines.isEmpty()) {
            return List.of();
        }
        // Questionnaire answers by patient and day: the most urgent answer and the highest screening scores.
        Map<PatientDay, int[]> scores = new HashMap<>();
        Set<PatientDay> urgent = new HashSet<>();
        for (CheckInService.Score score : checkInService.sharedScores(checkIns.values(), queueFrom)) {
            PatientDay key = new PatientDay(score.patientId(), score.date());
            int[] s = scores.computeIfAbsent(key, k -> new int[2]);
            if ("phq-2".equals(score.instrument())) {
                s[0] = Math.max(s[0], score.total());
            } else if ("gad-2".equals(score.instrument())) {
                s[1] = Math.max(s[1], score.total());
            }
            if (score.urgent()) {
                urgent.add(key);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (QueueLine line : lines) {
            if (line.date().isAfter(checkIns.get(line.patientId()).today().minusDays(QUEUE_DAYS))) {
                PatientDay key = new PatientDay(line.patientId(), line.date());
                int[] s = scores.getOrDefault(key, new int[2]);
                candidates.add(new Candidate(line.id(), line.patientId(), line.date(), line.mood(), line.symptoms(),
                        line.reviewed(), line.previous() == null ? null : symptoms(line.previous()),
                        urgent.contains(key), s[0], s[1]));
            }
        }
        return candidates;
    }

    /** Days with open alerts, for the patients who share alerts and have check-ins in the queue. */
    private Map<UUID, Set<LocalDate>> openAlertDays(Map<UUID, Access> alerts, List<Candidate> candidates) {
        Map<UUID, Access> queued = new HashMap<>();
        candidates.stream().map(Candidate::patientId).filter(alerts::containsKey)
                .forEach(id -> queued.put(id, alerts.get(id)));
        return monitoring.sharedOpenAlertDays(queued.values());
    }

    static List<Item> rank(List<Candidate> candidates, Map<UUID, Set<LocalDate>> alertDays) {
        List<Item> items = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            Set<Reason> reasons = EnumSet.noneOf(Reason.class);
            if (c.urgent()) {
                reasons.add(Reason.URGENT_ANSWER);
            }
            if (c.phq2() >= SCREENING_AT_LEAST) {
                reasons.add(Reason.PHQ2);
            }
            if (c.gad2() >= SCREENING_AT_LEAST) {
                reasons.add(Reason.GAD2);
            }
            if (alertDays.getOrDefault(c.patientId(), Set.of()).contains(c.date())) {
                reasons.add(Reason.OPEN_ALERTS);
            }
            if (c.mood() <= LOW_MOOD_AT_MOST) {
                reasons.add(Reason.LOW_MOOD);
            }
            Set<Symptom> present = symptoms(c.symptoms());
            List<Symptom> fresh = present.stream()
                    .filter(s -> c.previous() == null || !c.previous().contains(s)).sorted().toList();
            if (!fresh.isEmpty()) {
                reasons.add(Reason.NEW_SYMPTOMS);
            }
            int score = reasons.stream().mapToInt(TriageService::weight).sum();
            items.add(new Item(c.id(), c.patientId(), null, c.date(), c.mood(), score, reasons, fresh,
                    c.reviewed()));
        }
        items.sort(URGENCY);
        return items;
    }

    /** Highest score first, then the older check-in, then by id: written out, as it sorts thousands a page. */
    private static final Comparator<Item> URGENCY = (a, b) -> {
        int order = Integer.compare(b.score(), a.score());
        if (order == 0) {
            order = a.date().compareTo(b.date());
        }
        return order != 0 ? order : a.checkInId().compareTo(b.checkInId());
    };

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
            return new UndoResult(Undo.UNDONE, review.reviewerName, checkIn.patientId());
        });
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
