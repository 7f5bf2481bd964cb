package app.wellkeep.vitals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import app.wellkeep.account.PersonService;
import app.wellkeep.account.Role;
import app.wellkeep.vitals.MonitoringService.LimitInForce;

/** The patient's alerts (open first, then the acknowledged history) and their limits. */
@Path("/monitoring")
@RolesAllowed(Role.PATIENT_NAME)
@Produces(MediaType.TEXT_HTML)
public class MonitoringPages {

    static final List<String> DONE = List.of("acknowledged", "saved", "reset");

    /** An alert with its texts already in the person's units. */
    public record AlertView(UUID id, String rule, String value, String measured, boolean open, String acknowledged) {
    }

    /** A limit as the limits page shows it, the value in the person's unit. */
    public record LimitView(Limit limit, String label, String value, String unit, String defaultValue, String min,
            String max, boolean isDefault, String setBy, String error) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance alerts(List<AlertView> open, List<AlertView> acknowledged, String done);

        static native TemplateInstance thresholds(List<LimitView> limits, ThresholdForm form, String done);
    }

    @Inject
    CurrentPerson current;

    @Inject
    MonitoringService monitoring;

    @Inject
    MonitoringMessages messages;

    @Inject
    PersonService persons;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String csrfField;

    @GET
    public TemplateInstance alerts(@QueryParam("done") String done) {
        Person person = current.person();
        return Templates.alerts(monitoring.openAlerts(person).stream().map(a -> view(a, person)).toList(),
                monitoring.acknowledgedAlerts(person).stream().map(a -> view(a, person)).toList(),
                "acknowledged".equals(done) ? done : null);
    }

    @POST
    @Path("alerts/{id}/acknowledge")
    public Response acknowledge(@PathParam("id") UUID id) {
        Person person = current.person();
        monitoring.acknowledge(person, id, person.id);
        return Response.seeOther(URI.create("/monitoring?done=acknowledged")).build();
    }

    @GET
    @Path("thresholds")
    public TemplateInstance thresholds(@QueryParam("done") String done) {
        Person person = current.person();
        return thresholdsPage(person, ThresholdForm.empty(), done != null && DONE.contains(done) ? done : null);
    }

    @POST
    @Path("thresholds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setThreshold(MultivaluedMap<String, String> fields) {
        Person person = current.person();
        ThresholdForm form = ThresholdForm.parse(fields, csrfField, person);
        if (!form.valid()) {
            return Response.status(422).entity(thresholdsPage(person, form, null)).build();
        }
        if (form.reset()) {
            monitoring.resetLimit(person.id, form.limit());
        } else {
            monitoring.setLimit(person.id, form.limit(), form.value(), person.id);
        }
        return Response.seeOther(URI.create("/monitoring/thresholds?done=" + (form.reset() ? "reset" : "saved")))
                .build();
    }

    private TemplateInstance thresholdsPage(Person person, ThresholdForm form, String done) {
        Map<Limit, LimitInForce> limits = monitoring.limits(person.id);
        List<LimitView> views = limits.values().stream().map(l -> limitView(l, person, form)).toList();
        return Templates.thresholds(views, form, done);
    }

    private LimitView limitView(LimitInForce inForce, Person person, ThresholdForm form) {
        Limit limit = inForce.limit();
        Metric metric = limit.metric();
        boolean diff = limit.difference();
        String value = form.about(limit) && !form.reset()
                ? form.value("value")
                : Shown.input(person, metric, inForce.value(), diff);
        String setBy = null;
        if (!inForce.isDefault()) {
            UUID by = inForce.override().setBy;
            setBy = messages.limitSetBy(by == null ? "" : who(by, person),
                    ReadingPages.dateTime(inForce.override().setAt, person.zone()), person.id.equals(by));
        }
        return new LimitView(limit, messages.limitLabel(limit.name()), value, unit(person, metric),
                Shown.input(person, metric, limit.defaultValue(), diff),
                Shown.lowest(person, metric, limit.lowest(), diff),
                Shown.highest(person, metric, limit.highest(), diff),
                inForce.isDefault(), setBy, form.about(limit) ? form.error("value") : null);
    }

    AlertView view(Alert alert, Person person) {
        Limit limit = alert.limitType;
        String unit = unit(person, alert.metric);
        Shown threshold = limit.difference()
                ? Shown.difference(person, alert.metric, alert.threshold)
                : Shown.of(person, alert.metric, alert.threshold);
        Shown value = limit.difference()
                ? Shown.difference(person, alert.metric, alert.value)
                : Shown.of(person, alert.metric, alert.value);
        String acknowledged = alert.isOpen()
                ? null
                : messages.acknowledgedBy(alert.acknowledgedBy == null ? "" : who(alert.acknowledgedBy, person),
                        ReadingPages.dateTime(alert.acknowledgedAt, person.zone()),
                        person.id.equals(alert.acknowledgedBy));
        return new AlertView(alert.id, messages.rule(limit.name(), threshold.number(), unit),
                messages.alertValue(limit.name(), value.number(), unit),
                messages.measured(ReadingPages.dateTime(alert.measuredAt, person.zone())), alert.isOpen(),
                acknowledged);
    }

    private String unit(Person person, Metric metric) {
        return messages.unit(Shown.unitCode(person, metric));
    }

    /** The name of whoever set a limit or acknowledged an alert; empty when their account is gone. */
    private String who(UUID personId, Person viewer) {
        return personId.equals(viewer.id) ? viewer.displayName : persons.displayName(personId).orElse("");
    }

}
