package app.wellkeep.checkin;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.checkin.CheckIn.Medication;
import app.wellkeep.checkin.CheckIn.Symptom;
import app.wellkeep.coach.CoachFeedback;
import app.wellkeep.coach.FeedbackService;

/** The patient's daily check-in, the validated questionnaires and the check-in history. */
@Path("/check-in")
@RolesAllowed(Role.PATIENT_NAME)
@Produces(MediaType.TEXT_HTML)
public class CheckInPages {

    static final Locale LOCALE = Locale.ENGLISH;

    /** One answer of a questionnaire item, as the form shows it. */
    public record Choice(int value, String label, boolean checked) {
    }

    public record Question(String linkId, String text, List<Choice> choices, boolean invalid) {
    }

    public record QuestionnaireView(String id, String title, String intro, String recall, List<Question> questions,
            UUID submission, UUID follows, boolean hasErrors, boolean stale, String urgentLinkId, int urgentAtLeast) {
    }

    public record ResultView(String title, int score, int max, String band, String followUpId, String followUpTitle,
            UUID responseId, boolean urgent) {
    }

    public record TodayView(String dayLabel, boolean doneToday, int streak, List<ScreeningLink> screenings,
            boolean anyDue, boolean saved) {
    }

    public record ScreeningLink(String id, String title, boolean due) {
    }

    /** A calendar row; the first week is padded so that weekdays line up. */
    public record CalendarWeek(List<Integer> padding, List<CalendarDay> days) {
    }

    /** A calendar cell: the day of the month shown, the full date for screen readers. */
    public record CalendarDay(String shortLabel, String label, String status) {
    }

    public record ScoreRow(String date, String title, int score, String band) {
    }

    public record TrendRow(String date, int mood, int energy) {
    }

    public record HistoryView(List<CalendarWeek> weeks, int streak, CheckInService.Compliance compliance,
            List<TrendRow> trends, List<ScoreRow> scores) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance today(TodayView view, CheckInForm form, List<Integer> scale,
                List<Medication> medications, List<Symptom> symptoms, List<CoachFeedback> feedback);

        static native TemplateInstance questionnaire(QuestionnaireView view);

        static native TemplateInstance result(ResultView view);

        static native TemplateInstance history(HistoryView view, List<CoachFeedback> feedback);
    }

    @Inject
    CurrentPerson current;

    @Inject
    CheckInService checkIns;

    @Inject
    FeedbackService feedback;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String csrfField;

    @GET
    public TemplateInstance today(@QueryParam("saved") boolean saved) {
        Person person = current.person();
        CheckInForm form = checkIns.todays(person).map(CheckInForm::of).orElse(CheckInForm.empty());
        return page(person, form, saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> fields) {
        Person person = current.person();
        CheckInForm form = CheckInForm.parse(fields, csrfField);
        if (!form.valid()) {
            return Response.status(422).entity(page(person, form, false)).build();
        }
        checkIns.save(person, form.values());
        return Response.seeOther(URI.create("/check-in?saved=true")).build();
    }

    private TemplateInstance page(Person person, CheckInForm form, boolean saved) {
        LocalDate today = checkIns.today(person);
        ResourceBundle texts = InstrumentCatalogue.texts(LOCALE);
        List<String> due = checkIns.screeningsDue(person);
        List<ScreeningLink> screenings = CheckInService.SCREENINGS.stream()
                .map(id -> new ScreeningLink(id, texts.getString(id + ".title"), due.contains(id))).toList();
        TodayView view = new TodayView(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(LOCALE).format(today),
                checkIns.todays(person).isPresent(), checkIns.streak(person), screenings, !due.isEmpty(), saved);
        List<CoachFeedback> onToday = checkIns.todays(person).map(c -> feedback.readOnCheckIn(person, c.id))
                .orElse(List.of());
        return Templates.today(view, form, List.of(1, 2, 3, 4, 5), Arrays.asList(Medication.values()),
                Arrays.asList(Symptom.values()), onToday);
    }

    @GET
    @Path("questionnaires/{id}")
    public TemplateInstance questionnaire(@PathParam("id") String id, @QueryParam("after") UUID after) {
        Person person = current.person();
        Instrument instrument = checkIns.instrument(id).orElseThrow(NotFoundException::new);
        Map<String, Integer> carried = after == null
                ? Map.of()
                : QuestionnaireResponse.findOwned(person.id, after).map(QuestionnaireResponse::answerMap)
                        .orElse(Map.of());
        Map<String, String> raw = new java.util.HashMap<>();
        carried.forEach((k, v) -> raw.put(k, Integer.toString(v)));
        UUID follows = carried.isEmpty() ? null : after;
        return Templates.questionnaire(view(instrument, raw, List.of(), UUID.randomUUID(), follows, false));
    }

    @POST
    @Path("questionnaires/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Person person = current.person();
        Instrument instrument = checkIns.instrument(id).orElseThrow(NotFoundException::new);
        Map<String, String> raw = new java.util.LinkedHashMap<>();
        UUID submission = null;
        UUID follows = null;
        boolean stale = false;
        for (String key : fields.keySet()) {
            String value = fields.getFirst(key);
            if (fields.get(key).size() > 1) {
                stale = true;
            }
            switch (key) {
                case "submission" -> submission = uuid(value);
                case "follows" -> follows = value.isBlank() ? null : uuid(value);
                default -> {
                    if (!key.equals(csrfField)) {
                        raw.put(key, value);
                    }
                }
            }
        }
        if (submission == null || (follows == null && fields.containsKey("follows")
                && !fields.getFirst("follows").isBlank())) {
            stale = true;
        }
        List<String> problems = new ArrayList<>();
        Map<String, Integer> answers = null;
        try {
            answers = Scoring.parse(instrument, raw);
        } catch (Scoring.InvalidAnswers e) {
            problems.addAll(e.missing());
            problems.addAll(e.invalid());
            stale |= e.invalid().stream().anyMatch(linkId -> instrument.item(linkId).isEmpty());
        }
        if (stale || answers == null) {
            UUID key = submission == null ? UUID.randomUUID() : submission;
            return Response.status(422).entity(Templates.questionnaire(view(instrument,
                    stale ? Map.of() : raw, problems, key, follows, stale))).build();
        }
        QuestionnaireResponse response = checkIns.answer(person, instrument, answers, submission, follows);
        return Response.seeOther(URI.create("/check-in/questionnaires/responses/" + response.id)).build();
    }

    @GET
    @Path("questionnaires/responses/{id}")
    public TemplateInstance result(@PathParam("id") UUID id) {
        Person person = current.person();
        QuestionnaireResponse response = QuestionnaireResponse.findOwned(person.id, id)
                .orElseThrow(NotFoundException::new);
        Instrument instrument = checkIns.instrument(response.instrument).orElseThrow(NotFoundException::new);
        ResourceBundle texts = InstrumentCatalogue.texts(LOCALE);
        Scoring.Result scored = Scoring.score(instrument, response.answerMap());
        String followUp = scored.followUp().orElse(null);
        return Templates.result(new ResultView(texts.getString(instrument.id() + ".title"), response.totalScore,
                instrument.maxScore(), texts.getString("band." + response.band), followUp,
                followUp == null ? null : texts.getString(followUp + ".title"), response.id, response.urgent));
    }

    @GET
    @Path("history")
    public TemplateInstance history() {
        Person person = current.person();
        List<CheckInService.Day> days = checkIns.days(person, CheckInService.HISTORY_DAYS);
        LocalDate today = checkIns.today(person);
        DateTimeFormatter short_ = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LOCALE);
        List<CalendarWeek> weeks = new ArrayList<>();
        List<CalendarDay> week = new ArrayList<>();
        for (CheckInService.Day day : days) {
            String status = day.done() ? "done" : day.date().equals(today) ? "today" : "missed";
            boolean firstOfMonth = day.date().getDayOfMonth() == 1 || day == days.get(0);
            String shortLabel = firstOfMonth
                    ? DateTimeFormatter.ofPattern("d MMM", LOCALE).format(day.date())
                    : Integer.toString(day.date().getDayOfMonth());
            week.add(new CalendarDay(shortLabel, short_.format(day.date()), status));
            if (day.date().getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
                weeks.add(week(weeks.isEmpty(), week));
                week.clear();
            }
        }
        if (!week.isEmpty()) {
            weeks.add(week(weeks.isEmpty(), week));
        }
        List<TrendRow> trends = days.stream().filter(CheckInService.Day::done)
                .map(d -> new TrendRow(short_.format(d.date()), d.checkIn().mood, d.checkIn().energy)).toList();
        ResourceBundle texts = InstrumentCatalogue.texts(LOCALE);
        List<ScoreRow> scores = checkIns.responses(person, CheckInService.HISTORY_DAYS).stream()
                .map(r -> new ScoreRow(short_.format(r.localDate), texts.getString(r.instrument + ".title"),
                        r.totalScore,
                        texts.getString("band." + r.band)))
                .toList();
        return Templates.history(new HistoryView(weeks, checkIns.streak(person), checkIns.compliance(person), trends,
                scores), feedback.readRecent(person, FeedbackService.RECENT));
    }

    private static CalendarWeek week(boolean first, List<CalendarDay> days) {
        int padding = first ? 7 - days.size() : 0;
        return new CalendarWeek(java.util.stream.IntStream.range(0, padding).boxed().toList(), List.copyOf(days));
    }

    private QuestionnaireView view(Instrument instrument, Map<String, String> raw, List<String> problems,
            UUID submission, UUID follows, boolean stale) {
        ResourceBundle texts = InstrumentCatalogue.texts(LOCALE);
        List<Question> questions = instrument.items().stream().map(item -> new Question(item.linkId(),
                texts.getString(item.linkId()),
                item.options().stream().map(o -> new Choice(o.value(), texts.getString("answer." + o.code()),
                        Integer.toString(o.value()).equals(raw.get(item.linkId())))).toList(),
                problems.contains(item.linkId()))).toList();
        return new QuestionnaireView(instrument.id(), texts.getString(instrument.id() + ".title"),
                texts.getString(instrument.id() + ".intro"), texts.getString("recall." + instrument.recallPeriod()),
                questions, submission, follows, !problems.isEmpty(), stale,
                instrument.urgentAnswer().map(Instrument.UrgentAnswer::linkId).orElse(null),
                instrument.urgentAnswer().map(Instrument.UrgentAnswer::atLeast).orElse(0));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
