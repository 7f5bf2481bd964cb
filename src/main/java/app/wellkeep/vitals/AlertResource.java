package app.wellkeep.vitals;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;

/** The owner's alerts as JSON, values and limits in the metric's UCUM unit; only the patient themself uses it. */
@Path("/api/alerts")
@RolesAllowed(Role.PATIENT_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    /** One alert; times are ISO 8601, the measurement at the offset it was taken at. */
    public record AlertJson(UUID id, Rule rule, Limit limit, Metric metric, String loinc, UUID readingId,
            UUID sampleId, double value, double threshold, String unit, String measuredAt, String createdAt,
            String acknowledgedAt, UUID acknowledgedBy) {

        static AlertJson of(Alert a) {
            return new AlertJson(a.id, a.rule, a.limitType, a.metric, a.metric.loinc(), a.readingId, a.sampleId,
                    a.value, a.threshold, a.metric.unit(), a.localMeasuredAt().toString(), a.createdAt.toString(),
                    a.acknowledgedAt == null ? null : a.acknowledgedAt.toString(), a.acknowledgedBy);
        }
    }

    /** The open alerts, and those acknowledged within the history the alerts page shows. */
    public record Alerts(List<AlertJson> open, List<AlertJson> acknowledged) {
    }

    @Inject
    CurrentPerson current;

    @Inject
    MonitoringService monitoring;

    @GET
    public Alerts alerts() {
        Person person = current.person();
        return new Alerts(monitoring.openAlerts(person).stream().map(AlertJson::of).toList(),
                monitoring.acknowledgedAlerts(person).stream().map(AlertJson::of).toList());
    }

    /** Acknowledging again returns the alert as first acknowledged; someone else's alert is not found. */
    @POST
    @Path("{id}/acknowledge")
    public AlertJson acknowledge(@PathParam("id") UUID id) {
        Person person = current.person();
        return AlertJson.of(monitoring.acknowledge(person, id, person.id));
    }
}
