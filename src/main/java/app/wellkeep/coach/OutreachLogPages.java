package app.wellkeep.coach;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.coach.OutreachContact.Channel;
import app.wellkeep.coach.OutreachContact.Outcome;
import app.wellkeep.coach.OutreachRules.Reason;
import app.wellkeep.coach.OutreachService.Log;

/**
 * One patient's outreach log, and logging a contact. Open to any signed-in person so that the gate sees (and logs)
 * every attempt; whoever the patient does not share with, the patient included, gets the 404 of an unknown patient.
 */
@Path("/care-team/patients/{id}/outreach")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class OutreachLogPages {

    /** A contact as the log shows it, its time in the viewer's zone. */
    public record ContactLine(String when, Channel channel, Outcome outcome, List<Reason> reasons, String note,
            String author) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance log(Log log, List<ContactLine> contacts, String lastContact,
                OutreachContactForm form, List<Channel> channels, List<Outcome> outcomes, int noteMax, boolean saved);
    }

    @Inject
    CurrentPerson current;

    @Inject
    OutreachService outreach;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String csrfField;

    @GET
    public TemplateInstance show(@PathParam("id") UUID id, @QueryParam("saved") boolean saved) {
        Person viewer = current.person();
        Log log = outreach.log(viewer, id).orElseThrow(NotFoundException::new);
        return page(log, OutreachContactForm.empty(viewer.zone(), clock.instant()), viewer, saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        Person viewer = current.person();
        Instant now = clock.instant();
        OutreachContactForm form = OutreachContactForm.parse(fields, csrfField, viewer.zone(), now);
        if (!form.valid()) {
            // The gate decides before the form's errors are shown, so they tell nobody the patient exists.
            Log log = outreach.log(viewer, id).orElseThrow(NotFoundException::new);
            return Response.status(422).entity(page(log, form, viewer, false)).build();
        }
        if (!outreach.record(viewer, id, form.contact())) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create("/care-team/patients/" + id + "/outreach?saved=true")).build();
    }

    private static TemplateInstance page(Log log, OutreachContactForm form, Person viewer, boolean saved) {
        List<ContactLine> contacts = log.contacts().stream().map(c -> new ContactLine(
                OutreachPages.dateTime(c.contactedAt, viewer), c.channel, c.outcome,
                c.reasons.isEmpty() ? List.of() : Arrays.stream(c.reasons.split(",")).map(Reason::valueOf).toList(),
                c.note, c.authorName)).toList();
        String last = log.line().lastContact() == null
                ? null
                : OutreachPages.dateTime(log.line().lastContact(), viewer);
        return Templates.log(log, contacts, last, form, List.of(Channel.values()), List.of(Outcome.values()),
                OutreachContactForm.NOTE_MAX, saved);
    }
}
