package app.wellkeep.coach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.checkin.CheckIn;
import app.wellkeep.checkin.CheckIn.Symptom;
import app.wellkeep.checkin.CheckInService;
import app.wellkeep.checkin.InstrumentCatalogue;
import app.wellkeep.consent.Access;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentGate;
import app.wellkeep.consent.ConsentGate.Purpose;
import app.wellkeep.consent.ConsentGate.SharedPatient;

/**
 * A patient's check-ins as a coach may see them: 30 days at a time inside the grant's window, each with its review
 * (and the buttons to review or undo) and the feedback written on it, and a form for more. Open to any signed-in
 * person so that the gate sees (and logs) every attempt, as the patient page does.
 */
@Path("/care-team/patients/{id}/check-ins")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PatientCheckInPages {

    static final int PERIOD_DAYS = 30;

    public record FeedbackLine(String author, String when, String body, boolean seen) {
    }

    public record ReviewLine(String reviewer, String when, boolean mine, boolean editedSince) {
    }

    public record Row(String id, String date, int mood, int energy, int stress, int sleepQuality,
            List<Symptom> symptoms, String symptomNote, String note, ReviewLine review, List<FeedbackLine> feedback) {
    }

    public record ScoreRow(String date, String instrument, int score, String band, boolean urgent) {
    }

    /** The period shown and the neighbouring ones ({@code older}/{@code newer}: the {@code to} of each, or null). */
    public record Period(String from, String to, String toParam, String older, String newer) {
    }

    public record CheckIns(Period period, String windowFrom, List<Row> rows, List<ScoreRow> scores) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance checkIns(SharedPatient patient, CheckIns checkIns, String done, int max);
    }

    @Inject
    CurrentPerson current;

    @Inject
    ConsentGate gate;

    @Inject
    CheckInService checkInService;

    @Inject
    FeedbackService feedback;

    @GET
    public TemplateInstance checkIns(@PathParam("id") UUID id, @QueryParam("to") String to,
            @QueryParam("done") String done) {
        LocalDate until = parse(to);
        Person reader = current.person();
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<SharedPatient> shared = gate.identity(reader, id, Purpose.CARE_TEAM_VIEW);
            if (shared.isEmpty()) {
                return Optional.<TemplateInstance>empty();
            }
            CheckIns view = shared.get().shares(Category.CHECK_INS)
                    ? gate.check(reader, id, Category.CHECK_INS, Purpose.CARE_TEAM_VIEW)
                            .map(access -> view(reader, access, until)).orElse(null)
                    : null;
            return Optional.of(Templates.checkIns(shared.get(), view, CheckInActionPages.done(done),
                    CoachFeedback.MAX_LENGTH));
        }).orElseThrow(NotFoundException::new);
    }

    private CheckIns view(Person reader, Access access, LocalDate until) {
        LocalDate today = access.today();
        LocalDate to = until == null || until.isAfter(today) ? today : until;
        LocalDate from = to.minusDays(PERIOD_DAYS - 1L);
        LocalDate shownFrom = access.clip(from);
        List<CheckIn> checkIns = checkInService.sharedCheckIns(access, from, to).stream()
                .sorted((a, b) -> b.localDate.compareTo(a.localDate)).toList();
        List<UUID> ids = checkIns.stream().map(c -> c.id).toList();
        Map<UUID, CheckInReview> reviews = new HashMap<>();
        if (!ids.isEmpty()) {
            CheckInReview.<CheckInReview>list("checkinId in ?1", ids).forEach(r -> reviews.put(r.checkinId, r));
        }
        Map<UUID, List<FeedbackLine>> given = new HashMap<>();
        for (CoachFeedback f : feedback.onCheckIns(ids)) {
            given.computeIfAbsent(f.checkinId, k -> new java.util.ArrayList<>())
                    .add(new FeedbackLine(f.authorName, when(f.createdAt, reader), f.body, f.seenAt != null));
        }
        List<Row> rows = checkIns.stream().map(c -> {
            CheckInReview r = reviews.get(c.id);
            ReviewLine review = r == null
                    ? null
                    : new ReviewLine(r.reviewerName, when(r.reviewedAt, reader), reader.id.equals(r.reviewedBy),
                            r.reviewedAt.isBefore(c.updatedAt));
            return new Row(c.id.toString(), CareTeamPages.date(c.localDate), c.mood, c.energy, c.stress,
                    c.sleepQuality, List.copyOf(c.symptomSet()), c.symptomNote, c.note, review,
                    given.getOrDefault(c.id, List.of()));
        }).toList();
        ResourceBundle texts = InstrumentCatalogue.texts(CareTeamPages.LOCALE);
        List<ScoreRow> scores = checkInService.sharedResponses(access, from, to).stream()
                .sorted((a, b) -> b.authoredAt.compareTo(a.authoredAt))
                .map(r -> new ScoreRow(CareTeamPages.date(r.localDate), texts.getString(r.instrument + ".title"),
                        r.totalScore, texts.getString("band." + r.band), r.urgent))
                .toList();
        boolean olderVisible = access.windowStart() == null || from.isAfter(access.windowStart());
        Period period = new Period(CareTeamPages.date(shownFrom.isAfter(to) ? to : shownFrom),
                CareTeamPages.date(to), to.toString(), olderVisible ? from.minusDays(1).toString() : null,
                to.isBefore(today) ? to.plusDays(PERIOD_DAYS).toString() : null);
        return new CheckIns(period, access.windowStart() == null ? null : CareTeamPages.date(access.windowStart()),
                rows, scores);
    }

    static String when(Instant instant, Person reader) {
        ZoneId zone = reader.zone();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(CareTeamPages.LOCALE).format(instant.atZone(zone));
    }

    private static LocalDate parse(String to) {
        if (to == null || to.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            throw new BadRequestException();
        }
    }
}
