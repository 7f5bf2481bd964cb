package app.wellkeep.coach;

import java.net.URI;
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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.coach.CareNoteService.Notes;
import app.wellkeep.consent.ConsentGate.SharedPatient;

/**
 * Private care-team notes about a patient, which the patient never sees. Open to any signed-in person so that the
 * gate sees (and logs) every attempt; anyone who does not see the patient gets the 404 of an unknown patient.
 */
@Path("/care-team/patients/{id}/notes")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CareNotePages {

    public record NoteLine(String author, String when, String body) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance notes(SharedPatient patient, List<NoteLine> notes, boolean forTeam,
                TextForm form, boolean saved, int max);
    }

    @Inject
    CurrentPerson current;

    @Inject
    CareNoteService notes;

    @GET
    public TemplateInstance show(@PathParam("id") UUID id, @QueryParam("saved") boolean saved) {
        Person reader = current.person();
        Notes found = notes.notes(reader, id).orElseThrow(NotFoundException::new);
        return page(reader, found, TextForm.empty(), saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        Person reader = current.person();
        TextForm form = TextForm.parse(fields, CareNote.MAX_LENGTH);
        if (!form.valid()) {
            Notes found = notes.notes(reader, id).orElseThrow(NotFoundException::new);
            return Response.status(422).entity(page(reader, found, form, false)).build();
        }
        notes.add(reader, id, form.text()).orElseThrow(NotFoundException::new);
        return Response.seeOther(URI.create("/care-team/patients/" + id + "/notes?saved=true")).build();
    }

    private static TemplateInstance page(Person reader, Notes found, TextForm form, boolean saved) {
        List<NoteLine> lines = found.notes().stream()
                .map(n -> new NoteLine(n.authorName, PatientCheckInPages.when(n.createdAt, reader), n.body)).toList();
        return Templates.notes(found.patient(), lines, found.forTeam(), form, saved, CareNote.MAX_LENGTH);
    }
}
