package app.wellkeep.coach;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.coach.TriageService.Undo;
import app.wellkeep.coach.TriageService.UndoResult;

/**
 * What a coach does to one check-in: review it, undo their own review, write feedback the patient reads. Each
 * action asks the gate for the check-in's patient first; a check-in the coach may not see is a 404.
 */
@Path("/care-team/check-ins/{checkinId}")
@RolesAllowed(Role.COACH_NAME)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class CheckInActionPages {

    /** The flash messages a redirect may ask for. */
    static final Set<String> DONE = Set.of("reviewed", "undone", "notReviewed", "feedback");

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance undoRefused(String reviewer, String back);

        static native TemplateInstance feedback(String checkInId, String back, TextForm form, int max);
    }

    @Inject
    CurrentPerson current;

    @Inject
    TriageService triage;

    @Inject
    FeedbackService feedback;

    @POST
    @Path("review")
    public Response review(@PathParam("checkinId") UUID checkinId, MultivaluedMap<String, String> fields) {
        UUID patient = triage.review(current.person(), checkinId).orElseThrow(NotFoundException::new);
        return back(fields, patient, checkinId, "reviewed");
    }

    @POST
    @Path("review/undo")
    public Response undo(@PathParam("checkinId") UUID checkinId, MultivaluedMap<String, String> fields) {
        UndoResult result = triage.undo(current.person(), checkinId).orElseThrow(NotFoundException::new);
        if (result.outcome() == Undo.NOT_THE_REVIEWER) {
            return Response.status(Response.Status.FORBIDDEN)
                    .entity(Templates.undoRefused(result.reviewerName(), backPath(fields, result.patientId())))
                    .build();
        }
        return back(fields, result.patientId(), checkinId,
                result.outcome() == Undo.UNDONE ? "undone" : "notReviewed");
    }

    @POST
    @Path("feedback")
    public Response feedback(@PathParam("checkinId") UUID checkinId, MultivaluedMap<String, String> fields) {
        Person coach = current.person();
        TextForm form = TextForm.parse(fields, CoachFeedback.MAX_LENGTH);
        if (!form.valid()) {
            // The check-in must be one the coach may see before the form is shown again.
            triage.mayAct(coach, checkinId).orElseThrow(NotFoundException::new);
            return Response.status(422).entity(Templates.feedback(checkinId.toString(), backField(fields), form,
                    CoachFeedback.MAX_LENGTH)).build();
        }
        UUID patient = feedback.give(coach, checkinId, form.text()).orElseThrow(NotFoundException::new);
        return back(fields, patient, checkinId, "feedback");
    }

    static String done(String done) {
        return done != null && DONE.contains(done) ? done : null;
    }

    private static String backField(MultivaluedMap<String, String> fields) {
        return "triage".equals(fields.getFirst("back")) ? "triage" : "history";
    }

    /** Back where the form was: the queue, or the patient's check-ins. Never a URL taken from the request. */
    private static String backPath(MultivaluedMap<String, String> fields, UUID patient) {
        return backField(fields).equals("triage")
                ? "/care-team/triage"
                : "/care-team/patients/" + patient + "/check-ins";
    }

    private static Response back(MultivaluedMap<String, String> fields, UUID patient, UUID checkIn, String done) {
        String path = backPath(fields, patient);
        Optional<String> to = Optional.ofNullable(fields.getFirst("to")).filter(t -> t.matches("\\d{4}-\\d{2}-\\d{2}"));
        String query = "?done=" + done + to.map(t -> "&to=" + t).orElse("");
        String anchor = path.endsWith("/check-ins") ? "#checkin-" + checkIn : "";
        return Response.seeOther(URI.create(path + query + anchor)).build();
    }
}
