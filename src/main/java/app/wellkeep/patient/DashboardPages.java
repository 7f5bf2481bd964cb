package app.wellkeep.patient;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.checkin.CheckInService;
import app.wellkeep.coach.CoachFeedback;
import app.wellkeep.coach.FeedbackService;
import app.wellkeep.consent.ConsentService;
import app.wellkeep.consent.SharingPages;
import app.wellkeep.vitals.DailyRollup;
import app.wellkeep.vitals.GoalProgress;
import app.wellkeep.vitals.Goals;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.MonitoringService;
import app.wellkeep.vitals.TrendPages;
import app.wellkeep.vitals.TrendService;
import app.wellkeep.vitals.TrendTables;
import app.wellkeep.vitals.UnitView;

/** The patient's home: today at a glance, each tile leading to its page. */
@Path("/dashboard")
@RolesAllowed(Role.PATIENT_NAME)
public class DashboardPages {

    static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.ENGLISH);

    /** Today's steps against the goal. */
    public record StepsTile(String steps, String goal, GoalProgress progress) {
    }

    /** Last night's time asleep against the goal, in minutes. */
    public record SleepTile(int asleep, int goal, GoalProgress progress) {

        public int hours() {
            return asleep / 60;
        }

        public int minutes() {
            return asleep % 60;
        }

        public int goalHours() {
            return goal / 60;
        }

        public int goalMinutes() {
            return goal % 60;
        }
    }

    /** A latest reading: its value in the person's unit, that unit, and its day. */
    public record Latest(String value, String unit, String date) {
    }

    /** The latest weight and, with a target, how far from it (direction -1 below, 0 at, 1 above). */
    public record WeightTile(Latest latest, String target, String difference, int direction) {
    }

    public record View(String name, boolean checkInDue, boolean checkedIn, StepsTile steps, SleepTile sleep,
            Latest restingHeartRate, WeightTile weight, Latest bloodPressure, Latest glucose) {
    }

    /** Sharing that ended without the patient (an account or care team closed): with whom, and on which day. */
    public record Ended(String name, String date) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance dashboard(View view, int openAlerts, CoachFeedback feedback, int unseenFeedback,
                List<Ended> ended);
    }

    @Inject
    CurrentPerson current;

    @Inject
    CheckInService checkIns;

    @Inject
    TrendService trends;

    @Inject
    Goals goals;

    @Inject
    MonitoringService monitoring;

    @Inject
    FeedbackService feedback;

    @Inject
    ConsentService consent;

    /** One transaction for all the page reads, rather than one for each. */
    @Transactional
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        Person person = current.person();
        TrendService.Latest latest = trends.latestOfEach(person);
        // Counted before the tile shows the newest message, which marks it seen.
        long unseen = feedback.unseen(person);
        List<CoachFeedback> latestFeedback = feedback.readRecent(person, 1);
        boolean checkedIn = checkIns.todays(person).isPresent();
        return Templates.dashboard(view(person.displayName, person, trends.today(person), goals.of(person), latest,
                trends.bloodPressure(person, latest).orElse(null), !checkedIn, checkedIn),
                Math.toIntExact(monitoring.openAlerts(person.id)), latestFeedback.stream().findFirst().orElse(null),
                Math.toIntExact(unseen), consent.endedUnseen(person).stream()
                        .map(r -> new Ended(r.recipientName,
                                SharingPages.date(LocalDate.ofInstant(r.recordedAt, person.zone()))))
                        .toList());
    }

    /**
     * The tiles from figures someone may see: the patient's own, or what a patient shares with a reader. Values are
     * shown in the units of {@code reader}; {@code today} is the patient's.
     */
    public static View view(String name, Person reader, LocalDate today, Goals.Targets targets,
            TrendService.Latest latest, TrendService.Pressure pressure, boolean due, boolean checkedIn) {
        StepsTile steps = latest.on(Metric.STEPS, today).stream().findFirst()
                .map(r -> new StepsTile(COUNT.format(Math.round(r.total)), COUNT.format(targets.dailySteps()),
                        GoalProgress.of(r.total, targets.dailySteps())))
                .orElse(null);
        // A night counts toward the morning it ends on: last night is today's date.
        List<DailyRollup> night = latest.on(Metric.SLEEP, today);
        double asleep = TrendTables.asleepMinutes(night);
        SleepTile sleep = asleep > 0
                ? new SleepTile((int) Math.round(asleep), targets.sleepMinutes(),
                        GoalProgress.of(Math.round(asleep), targets.sleepMinutes()))
                : null;

        WeightTile weight = null;
        DailyRollup lastWeight = latest.of(Metric.WEIGHT).orElse(null);
        if (lastWeight != null) {
            UnitView unit = UnitView.of(reader, Metric.WEIGHT);
            Latest reading = latest(reader, Metric.WEIGHT, lastWeight);
            if (targets.targetWeightKg().isPresent()) {
                double target = targets.targetWeightKg().getAsDouble();
                var difference = unit.rounded(lastWeight.latest).subtract(unit.rounded(target));
                weight = new WeightTile(reading, unit.format(target), difference.abs().toPlainString(),
                        difference.signum());
            } else {
                weight = new WeightTile(reading, null, null, 0);
            }
        }
        Latest bloodPressure = pressure == null
                ? null
                : new Latest(pressure.text(), TrendPages.unitLabel(Metric.SYSTOLIC.unit()),
                        TrendTables.formatDay(pressure.date()));
        return new View(name, due, checkedIn, steps, sleep,
                latest(reader, Metric.RESTING_HEART_RATE, latest.of(Metric.RESTING_HEART_RATE).orElse(null)), weight,
                bloodPressure, latest(reader, Metric.GLUCOSE, latest.of(Metric.GLUCOSE).orElse(null)));
    }

    private static Latest latest(Person person, Metric metric, DailyRollup day) {
        if (day == null) {
            return null;
        }
        UnitView unit = UnitView.of(person, metric);
        return new Latest(unit.format(day.latest), TrendPages.unitLabel(unit.ucum()),
                TrendTables.formatDay(day.localDate));
    }
}
