package app.wellkeep.coach;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.checkin.CheckInService;
import app.wellkeep.consent.Access;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentGate;
import app.wellkeep.consent.ConsentGate.Purpose;
import app.wellkeep.consent.ConsentGate.SharedPatient;
import app.wellkeep.consent.ConsentGate.Subject;
import app.wellkeep.patient.DashboardPages;
import app.wellkeep.vitals.DailyRollup;
import app.wellkeep.vitals.Goals;
import app.wellkeep.vitals.Limit;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.MonitoringService;
import app.wellkeep.vitals.MonitoringViews;
import app.wellkeep.vitals.MonitoringViews.AlertView;
import app.wellkeep.vitals.MonitoringViews.LimitView;
import app.wellkeep.vitals.ThresholdForm;
import app.wellkeep.vitals.TrendPages;
import app.wellkeep.vitals.TrendPages.DayView;
import app.wellkeep.vitals.TrendPages.TrendView;
import app.wellkeep.vitals.TrendRange;
import app.wellkeep.vitals.TrendService;
import app.wellkeep.vitals.TrendTables;
import app.wellkeep.vitals.WeeklyRollup;

/**
 * One patient as a care-team member may see them: the dashboard's tiles, the trend pages, the alerts and the
 * monitoring limits, each only for a category the patient shares with this reader and only from the first day of the
 * grant's window. Every read goes through {@link ConsentGate}; open to any signed-in person so that the gate sees
 * (and logs) every attempt, and anyone the patient does not share with gets the same 404 as for an unknown patient.
 * Values read in the reader's units; days are the patient's.
 */
@Path("/care-team/patients/{id}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PatientViewPages {

    static final List<String> DONE = List.of("saved", "reset");

    /** The categories whose limits a care team may set. */
    static final Set<Category> LIMIT_CATEGORIES = EnumSet.copyOf(Arrays.stream(Limit.values())
            .map(l -> l.metric().category()).toList());

    /** Which tiles the patient shares with this reader; a tile not shared says so instead of looking empty. */
    public record Shares(boolean activity, boolean heart, boolean sleep, boolean body, boolean bloodPressure,
            boolean glucose, boolean checkIns, boolean alerts) {

        static Shares of(Set<Category> shared) {
            return new Shares(shared.contains(Category.ACTIVITY), shared.contains(Category.HEART),
                    shared.contains(Category.SLEEP), shared.contains(Category.BODY),
                    shared.contains(Category.BLOOD_PRESSURE), shared.contains(Category.GLUCOSE),
                    shared.contains(Category.CHECK_INS), shared.contains(Category.ALERTS));
        }
    }

    /** One category and, when shared, the first day shared (null: all history). */
    public record CategoryLine(Category category, boolean shared, String from) {
    }

    /** The patient as the page header names them. */
    public record Header(UUID id, String name) {

        public String base() {
            return "/care-team/patients/" + id;
        }
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance patient(Header patient, List<CategoryLine> categories, Shares shares,
                DashboardPages.View view, int openAlerts);

        static native TemplateInstance trend(Header patient, TrendView view, String clippedFrom, boolean beforeWindow);

        static native TemplateInstance heartRateDay(Header patient, DayView view, String windowFrom);

        static native TemplateInstance alerts(Header patient, List<AlertView> open, List<AlertView> acknowledged);

        static native TemplateInstance thresholds(Header patient, List<LimitView> limits, ThresholdForm form,
                String done);

        static native TemplateInstance badRequest(String back, String reason);
    }

    @Inject
    CurrentPerson current;

    @Inject
    ConsentGate gate;

    @Inject
    TrendService trends;

    @Inject
    CheckInService checkIns;

    @Inject
    MonitoringService monitoring;

    @Inject
    MonitoringViews views;

    @Inject
    Goals goals;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String csrfField;

    /** The patient's dashboard: a tile per category, each from what this reader may see. */
    @GET
    public TemplateInstance patient(@PathParam("id") UUID id) {
        Person reader = current.person();
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<SharedPatient> shared = gate.identity(reader, id, Purpose.CARE_TEAM_VIEW);
            if (shared.isEmpty()) {
                return Optional.<TemplateInstance>empty();
            }
            SharedPatient patient = shared.get();
            Map<Category, Access> accesses = new EnumMap<>(Category.class);
            for (Category category : patient.categories()) {
                gate.check(reader, id, category, Purpose.CARE_TEAM_VIEW).ifPresent(a -> accesses.put(category, a));
            }
            List<CategoryLine> categories = Arrays.stream(Category.values())
                    .map(c -> new CategoryLine(c, accesses.containsKey(c),
                            accesses.containsKey(c) && accesses.get(c).windowStart() != null
                                    ? TrendTables.formatDay(accesses.get(c).windowStart())
                                    : null))
                    .toList();
            Header header = new Header(patient.id(), patient.displayName());
            Shares shares = Shares.of(accesses.keySet());
            if (accesses.isEmpty()) {
                // Revoked between the two decisions: nothing left to show.
                return Optional.<TemplateInstance>empty();
            }
            Access any = accesses.values().iterator().next();
            LocalDate today = any.today();
            TrendService.Latest latest = trends.latestOfEach(accesses.values());
            Access pressure = accesses.get(Category.BLOOD_PRESSURE);
            Access checkInAccess = accesses.get(Category.CHECK_INS);
            boolean checkedIn = checkInAccess != null
                    && !checkIns.sharedCheckIns(checkInAccess, today, today).isEmpty();
            Access alertAccess = accesses.get(Category.ALERTS);
            int open = alertAccess == null ? 0 : monitoring.openAlerts(alertAccess, zone(alertAccess)).size();
            DashboardPages.View view = DashboardPages.view(patient.displayName(), reader, today, goals.of(any),
                    latest, pressure == null ? null : trends.bloodPressure(pressure, latest).orElse(null), false,
                    checkedIn);
            return Optional.of(Templates.patient(header, categories, shares, view, open));
        }).orElseThrow(NotFoundException::new);
    }

    /** A trend page of a category shared with this reader, its range starting no earlier than the window. */
    @GET
    @Path("trends/{slug}")
    public Response trend(@PathParam("id") UUID id, @PathParam("slug") String slug, @QueryParam("range") String range,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        if (TrendPages.isBloodPressurePart(slug)) {
            return Response.seeOther(URI.create("/care-team/patients/" + id + "/trends/" + TrendPages.BLOOD_PRESSURE
                    + (range != null && range.strip().matches("\\d{1,3}") ? "?range=" + range.strip() : ""))).build();
        }
        if (!TrendPages.isTrend(slug)) {
            throw new NotFoundException();
        }
        // The query is checked before the gate: a malformed one reads nothing, so it logs no read.
        try {
            TrendRange.parse(range, from, to, LocalDate.EPOCH);
        } catch (TrendRange.Invalid e) {
            return badRequest("/care-team/patients/" + id + "/trends/" + slug, e.key());
        }
        Person reader = reader(id);
        return QuarkusTransaction.requiringNew().call(() -> gate
                .check(reader, id, TrendPages.category(slug), Purpose.CARE_TEAM_VIEW).map(access -> {
                    Header header = header(access);
                    TrendRange asked = TrendRange.parse(range, from, to, access.today());
                    LocalDate first = access.windowStart();
                    boolean clipped = first != null && asked.from().isBefore(first);
                    boolean before = first != null && asked.to().isBefore(first);
                    TrendRange shown = clipped && !before ? new TrendRange(first, asked.to(), asked.preset()) : asked;
                    TrendPages.Figures figures = new TrendPages.Figures() {

                        @Override
                        public List<DailyRollup> daily(Metric metric, LocalDate start, LocalDate end) {
                            return before ? List.of() : trends.daily(access, metric, start, end);
                        }

                        @Override
                        public List<WeeklyRollup> weekly(Metric metric, LocalDate start, LocalDate end) {
                            return before ? List.of() : trends.weekly(access, metric, start, end);
                        }
                    };
                    TrendView view = TrendPages.view(reader, slug, TrendPages.name(slug), shown, figures,
                            d -> header.base() + "/trends/heart-rate/days/" + d);
                    return Response.ok(Templates.trend(header, view,
                            clipped ? TrendTables.formatDay(first) : null, before)).build();
                })).orElseThrow(NotFoundException::new);
    }

    /** One day of heart rate in detail; a day before the window shows nothing. */
    @GET
    @Path("trends/heart-rate/days/{date}")
    public Response heartRateDay(@PathParam("id") UUID id, @PathParam("date") String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return badRequest("/care-team/patients/" + id + "/trends/" + Metric.HEART_RATE.slug(), "rangeBadDate");
        }
        Person reader = reader(id);
        return QuarkusTransaction.requiringNew()
                .call(() -> gate.check(reader, id, Category.HEART, Purpose.CARE_TEAM_VIEW).map(access -> {
                    Subject patient = gate.subject(access);
                    DayView view = TrendPages.dayView(reader, day,
                            trends.samplesOfDay(access, patient.zone(), Metric.HEART_RATE, day), patient.zone());
                    return Response.ok(Templates.heartRateDay(new Header(id, patient.displayName()), view,
                            access.covers(day) ? null : TrendTables.formatDay(access.windowStart()))).build();
                })).orElseThrow(NotFoundException::new);
    }

    /** The patient's open and acknowledged alerts, of readings taken inside the window. */
    @GET
    @Path("alerts")
    public TemplateInstance alerts(@PathParam("id") UUID id) {
        Person reader = reader(id);
        return QuarkusTransaction.requiringNew()
                .call(() -> gate.check(reader, id, Category.ALERTS, Purpose.CARE_TEAM_VIEW).map(access -> {
                    Subject patient = gate.subject(access);
                    ZoneId zone = patient.zone();
                    return Templates.alerts(new Header(id, patient.displayName()),
                            monitoring.openAlerts(access, zone).stream().map(a -> views.alert(a, reader, zone))
                                    .toList(),
                            monitoring.acknowledgedAlerts(access, zone).stream()
                                    .map(a -> views.alert(a, reader, zone)).toList());
                })).orElseThrow(NotFoundException::new);
    }

    /** The limits of the categories the patient shares with this reader; the others are not offered. */
    @GET
    @Path("thresholds")
    public TemplateInstance thresholds(@PathParam("id") UUID id, @QueryParam("done") String done) {
        Person reader = current.person();
        return QuarkusTransaction.requiringNew()
                .call(() -> thresholdsPage(reader, id, ThresholdForm.empty(),
                        done != null && DONE.contains(done) ? done : null))
                .orElseThrow(NotFoundException::new);
    }

    /**
     * Sets or resets one limit, through the gate for the category of its metric: a limit of data not shared with this
     * reader is not found. The patient's own form's rules apply, the value typed in the reader's unit.
     */
    @POST
    @Path("thresholds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setThreshold(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        Person reader = reader(id);
        ThresholdForm form = ThresholdForm.parse(fields, csrfField, reader);
        return QuarkusTransaction.requiringNew().call(() -> {
            if (form.limit() == null) {
                return thresholdsPage(reader, id, form, null).map(page -> Response.status(422).entity(page).build());
            }
            return gate.check(reader, id, form.limit().metric().category(), Purpose.CARE_TEAM_VIEW).map(access -> {
                if (!form.valid()) {
                    return thresholdsPage(reader, id, form, null).map(p -> Response.status(422).entity(p).build())
                            .orElseThrow(NotFoundException::new);
                }
                if (form.reset()) {
                    monitoring.resetLimit(access, form.limit());
                } else {
                    monitoring.setLimit(access, form.limit(), form.value(), reader.id);
                }
                return Response.seeOther(URI.create("/care-team/patients/" + id + "/thresholds?done="
                        + (form.reset() ? "reset" : "saved"))).build();
            });
        }).orElseThrow(NotFoundException::new);
    }

    private Optional<TemplateInstance> thresholdsPage(Person reader, UUID id, ThresholdForm form, String done) {
        Optional<SharedPatient> shared = gate.identity(reader, id, Purpose.CARE_TEAM_VIEW);
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        SharedPatient patient = shared.get();
        ZoneId zone = null;
        List<LimitView> limits = new ArrayList<>();
        for (Category category : patient.categories()) {
            if (!LIMIT_CATEGORIES.contains(category)) {
                continue;
            }
            Optional<Access> access = gate.check(reader, id, category, Purpose.CARE_TEAM_VIEW);
            if (access.isPresent()) {
                if (zone == null) {
                    zone = gate.subject(access.get()).zone();
                }
                ZoneId in = zone;
                monitoring.limits(access.get()).values()
                        .forEach(l -> limits.add(views.limit(l, reader, in, form)));
            }
        }
        limits.sort(Comparator.comparing(LimitView::limit));
        return Optional.of(Templates.thresholds(new Header(id, patient.displayName()), limits, form, done));
    }

    /**
     * The reader of another person's page; the patient themself has their own pages, and here gets the same 404 as
     * for someone who does not exist, as on the overview.
     */
    private Person reader(UUID patientId) {
        Person reader = current.person();
        if (reader.id.equals(patientId)) {
            throw new NotFoundException();
        }
        return reader;
    }

    private Header header(Access access) {
        return new Header(access.patientId(), gate.subject(access).displayName());
    }

    private ZoneId zone(Access access) {
        return gate.subject(access).zone();
    }

    private static Response badRequest(String back, String reason) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.badRequest(back, reason)).build();
    }
}
