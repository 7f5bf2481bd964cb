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
import app.wellkeep.account.Role;
import app.wellkeep.vitals.MonitoringService.LimitInForce;
import app.wellkeep.vitals.MonitoringViews.AlertView;
import app.wellkeep.vitals.MonitoringViews.LimitView;

/** The patient's alerts (open first, then the acknowledged history) and their limits. */
@Path("/monitoring")
@RolesAllowed(Role.PATIENT_NAME)
@Produces(MediaType.TEXT_HTML)
public class MonitoringPages {

    static final List<String> DONE = List.of("acknowledged", "saved", "reset");

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
    MonitoringViews views;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String csrfField;

    @GET
    public TemplateInstance alerts(@QueryParam("done") String done) {
        Person person = current.person();
        return Templates.alerts(
                monitoring.openAlerts(person).stream().map(a -> views.alert(a, person, person.zone())).toList(),
                monitoring.acknowledgedAlerts(person).stream().map(a -> views.alert(a, person, person.zone()))
                        .toList(),
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
        List<LimitView> shown = limits.values().stream().map(l -> views.limit(l, person, person.zone(), form))
                .toList();
        return Templates.thresholds(shown, form, done);
    }

}
