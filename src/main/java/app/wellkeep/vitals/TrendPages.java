package app.wellkeep.vitals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.consent.Category;
import app.wellkeep.vitals.TrendTables.Cell;
import app.wellkeep.vitals.TrendTables.Table;

/** The patient's own trends: one page per metric over a range of days, and one day of heart rate in detail. */
@Path("/trends")
@RolesAllowed(Role.PATIENT_NAME)
@Produces(MediaType.TEXT_HTML)
public class TrendPages {

    /** The longest range shown day by day. */
    public static final int DAILY_UP_TO = 90;

    /** Systolic and diastolic are read together, on this page. */
    public static final String BLOOD_PRESSURE = "blood-pressure";

    /** One line of the index: a trend with its latest figure. */
    public record IndexRow(String slug, String name, Cell latest, String unitLabel, String date) {
    }

    public record TrendView(String slug, String name, String unitLabel, String chart, boolean stacked,
            TrendRange range, List<Integer> presets, String fromLabel, String toLabel, Table daily, Table weekly,
            boolean dayViews) {

        /** Over more than {@link #DAILY_UP_TO} days the page shows weeks: hundreds of daily rows read to nobody. */
        public boolean weeklyOnly() {
            return range.days() > DAILY_UP_TO;
        }

        public boolean hasData() {
            return !daily.isEmpty() || !weekly.isEmpty();
        }

        public String firstColumn() {
            return slug.equals(Metric.SLEEP.slug()) ? "night" : "date";
        }

        /** Readings typed in by hand are added on the readings page, by kind; others from the page that asks. */
        public String addReadingHref() {
            return ReadingKind.bySlug(slug).map(k -> "/readings/new?kind=" + k.slug()).orElse("/readings/new");
        }
    }

    public record DayView(String date, String dateLabel, String previous, String next, String unitLabel,
            Table table) {
    }

    /** Reads one metric's daily figures for a trend page: the owner's own, or a reader's through the consent gate. */
    public interface Figures {

        List<DailyRollup> daily(Metric metric, LocalDate from, LocalDate to);

        /** The weeks by stage, oldest first, of the days in the range only: all a long range shows. */
        List<WeeklyRollup> weekly(Metric metric, LocalDate from, LocalDate to);
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance index(List<IndexRow> rows);

        static native TemplateInstance trend(TrendView view);

        static native TemplateInstance heartRateDay(DayView view);

        static native TemplateInstance badRequest(String slug, String name, String reason);
    }

    @Inject
    CurrentPerson current;

    @Inject
    TrendService trends;

    static VitalsMessages messages() {
        return MessageBundles.get(VitalsMessages.class);
    }

    /** A readable unit; UCUM's annotations ("{steps}") lose their braces, which templates cannot match on. */
    public static String unitLabel(String ucum) {
        return messages().unit(ucum.replace("{", "").replace("}", ""));
    }

    /** The trends in the order the index lists them; blood pressure takes the place of its two parts. */
    public static List<String> slugs() {
        List<String> slugs = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (metric == Metric.SYSTOLIC) {
                slugs.add(BLOOD_PRESSURE);
            } else if (metric != Metric.DIASTOLIC) {
                slugs.add(metric.slug());
            }
        }
        return slugs;
    }

    /** The name of a trend, by its slug. */
    public static String name(String slug) {
        return messages().metricName(slug);
    }

    /** The consent category a trend belongs to; blood pressure stands for its two parts. */
    public static Category category(String slug) {
        return slug.equals(BLOOD_PRESSURE) ? Category.BLOOD_PRESSURE : Metric.bySlug(slug).orElseThrow().category();
    }

    /** Whether a trend has its own page; systolic and diastolic are shown on the blood-pressure page. */
    public static boolean isTrend(String slug) {
        return slugs().contains(slug);
    }

    /** Whether the slug names a part of blood pressure, whose page is that of blood pressure. */
    public static boolean isBloodPressurePart(String slug) {
        return slug.equals(Metric.SYSTOLIC.slug()) || slug.equals(Metric.DIASTOLIC.slug());
    }

    /** One transaction for all the page reads, rather than one for each. */
    @Transactional
    @GET
    public TemplateInstance index() {
        Person person = current.person();
        TrendService.Latest latest = trends.latestOfEach(person);
        List<IndexRow> rows = new ArrayList<>();
        for (String slug : slugs()) {
            String name = messages().metricName(slug);
            if (slug.equals(BLOOD_PRESSURE)) {
                Optional<TrendService.Pressure> bp = trends.bloodPressure(person, latest);
                rows.add(new IndexRow(slug, name, bp.map(p -> Cell.text(p.text())).orElse(null),
                        unitLabel(Metric.SYSTOLIC.unit()), bp.map(p -> TrendTables.DAY.format(p.date()))
                                .orElse(null)));
                continue;
            }
            Metric metric = Metric.bySlug(slug).orElseThrow();
            DailyRollup last = latest.of(metric).orElse(null);
            if (last == null) {
                rows.add(new IndexRow(slug, name, null, null, null));
            } else if (metric == Metric.SLEEP) {
                rows.add(new IndexRow(slug, name,
                        Cell.duration(TrendTables.asleepMinutes(latest.stages(metric))), null,
                        TrendTables.DAY.format(last.localDate)));
            } else {
                UnitView unit = UnitView.of(person, metric);
                double value = metric.aggregation() == Metric.Aggregation.SUM ? last.total : last.latest;
                rows.add(new IndexRow(slug, name, Cell.number(unit.format(value)), unitLabel(unit.ucum()),
                        TrendTables.DAY.format(last.localDate)));
            }
        }
        return Templates.index(rows);
    }

    /** One transaction for all the page reads, rather than one for each. */
    @Transactional
    @GET
    @Path("{slug}")
    public Response trend(@PathParam("slug") String slug, @QueryParam("range") String range,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        if (isBloodPressurePart(slug)) {
            return Response.seeOther(UriBuilder.fromPath("/trends/" + BLOOD_PRESSURE)
                    .replaceQuery(range == null ? null : "range=" + range).build()).build();
        }
        if (!slugs().contains(slug)) {
            throw new NotFoundException();
        }
        Person person = current.person();
        String name = messages().metricName(slug);
        TrendRange days;
        try {
            days = TrendRange.parse(range, from, to, trends.today(person));
        } catch (TrendRange.Invalid e) {
            return badRequest(slug, name, e.key());
        }
        Figures figures = new Figures() {

            @Override
            public List<DailyRollup> daily(Metric metric, LocalDate start, LocalDate end) {
                return trends.daily(person, metric, start, end);
            }

            @Override
            public List<WeeklyRollup> weekly(Metric metric, LocalDate start, LocalDate end) {
                return trends.weekly(person, metric, start, end);
            }
        };
        return Response
                .ok(Templates.trend(view(person, slug, name, days, figures, d -> "/trends/heart-rate/days/" + d)))
                .build();
    }

    /**
     * A trend page's figures over a range: read by {@code figures}, shown in the units of {@code reader}; a heart-rate
     * day links to {@code dayLink}.
     */
    public static TrendView view(Person reader, String slug, String name, TrendRange range, Figures figures,
            Function<LocalDate, String> dayLink) {
        String fromLabel = TrendTables.DAY.format(range.from());
        String toLabel = TrendTables.DAY.format(range.to());
        // Over more than DAILY_UP_TO days, weeks only: read as weeks, with no daily table to build and nothing to
        // stack. Up to that, the days are read and the weeks added up from them.
        boolean daysToo = range.days() <= DAILY_UP_TO;
        if (slug.equals(BLOOD_PRESSURE)) {
            UnitView unit = UnitView.of(reader, Metric.SYSTOLIC);
            if (!daysToo) {
                return new TrendView(slug, name, unitLabel(unit.ucum()), "line", false, range, TrendRange.PRESETS,
                        fromLabel, toLabel, NO_DAYS, TrendTables.bloodPressureWeekly(
                                figures.weekly(Metric.SYSTOLIC, range.from(), range.to()),
                                figures.weekly(Metric.DIASTOLIC, range.from(), range.to()), unit),
                        false);
            }
            List<DailyRollup> sys = figures.daily(Metric.SYSTOLIC, range.from(), range.to());
            List<DailyRollup> dia = figures.daily(Metric.DIASTOLIC, range.from(), range.to());
            return new TrendView(slug, name, unitLabel(unit.ucum()), "line", false, range, TrendRange.PRESETS,
                    fromLabel, toLabel, TrendTables.bloodPressureDaily(sys, dia, unit),
                    TrendTables.bloodPressureWeekly(WeeklyRollup.of(sys), WeeklyRollup.of(dia), unit), false);
        }
        Metric metric = Metric.bySlug(slug).orElseThrow();
        List<DailyRollup> days = daysToo ? figures.daily(metric, range.from(), range.to()) : List.of();
        List<WeeklyRollup> weeks = daysToo
                ? WeeklyRollup.of(days)
                : figures.weekly(metric, range.from(), range.to());
        if (metric == Metric.SLEEP) {
            return new TrendView(slug, name, unitLabel("h"), "bar", daysToo, range, TrendRange.PRESETS, fromLabel,
                    toLabel, daysToo ? TrendTables.sleepDaily(days) : NO_DAYS, TrendTables.sleepWeekly(weeks),
                    false);
        }
        UnitView unit = UnitView.of(reader, metric);
        boolean sum = metric.aggregation() == Metric.Aggregation.SUM;
        boolean dayViews = metric == Metric.HEART_RATE && daysToo;
        Table daily = !daysToo
                ? NO_DAYS
                : sum
                        ? TrendTables.sumDaily(days, unit)
                        : TrendTables.rangeDaily(days, unit, dayViews ? dayLink : null);
        Table weekly = sum ? TrendTables.sumWeekly(weeks, unit) : TrendTables.rangeWeekly(weeks, unit);
        return new TrendView(slug, name, unitLabel(unit.ucum()), sum ? "bar" : "line", false, range,
                TrendRange.PRESETS, fromLabel, toLabel, daily, weekly, dayViews);
    }

    private static final Table NO_DAYS = new Table(List.of(), List.of());

    /** One transaction for all the page reads, rather than one for each. */
    @Transactional
    @GET
    @Path("heart-rate/days/{date}")
    public Response heartRateDay(@PathParam("date") String date) {
        Person person = current.person();
        String slug = Metric.HEART_RATE.slug();
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return badRequest(slug, messages().metricName(slug), "rangeBadDate");
        }
        return Response.ok(Templates.heartRateDay(dayViewOf(person, day,
                trends.valuesOfDay(person, Metric.HEART_RATE, day), person.zone()))).build();
    }

    /** One day of heart rate: the readings (whoever may read them), in the zone of the patient, the reader's units. */
    public static DayView dayView(Person reader, LocalDate day, List<Reading> samples, ZoneId zone) {
        return dayViewOf(reader, day, samples.stream()
                .map(r -> new SampleService.TimedValue(r.start().toEpochMilli(), r.value())).toList(), zone);
    }

    /** One day of heart rate from the readings' starts and values, all its table shows. */
    public static DayView dayViewOf(Person reader, LocalDate day, List<SampleService.TimedValue> samples,
            ZoneId zone) {
        UnitView unit = UnitView.of(reader, Metric.HEART_RATE);
        Table table = TrendTables.heartRateDay(samples, zone, unit);
        return new DayView(day.toString(), TrendTables.DAY.format(day), day.minusDays(1).toString(),
                day.plusDays(1).toString(), unitLabel(unit.ucum()), table);
    }

    private static Response badRequest(String slug, String name, String reason) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.badRequest(slug, name, reason)).build();
    }
}
