package app.wellkeep.coach;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Role;
import app.wellkeep.checkin.CheckIn.Symptom;
import app.wellkeep.coach.TriageService.Queue;
import app.wellkeep.coach.TriageService.Reason;
import app.wellkeep.common.Paging;

/** The triage queue: check-ins waiting for a coach's review, most urgent first, each with its reasons. */
@Path("/care-team/triage")
@RolesAllowed(Role.COACH_NAME)
@Produces(MediaType.TEXT_HTML)
public class TriagePages {

    public record Line(String checkInId, String patientId, String patientName, String date, int mood, int score,
            List<Reason> reasons, List<Symptom> newSymptoms, boolean editedAfterReview) {
    }

    public record View(List<Line> lines, int page, int pages, int total, String done) {

        /** How many days the queue holds, as its lead says. */
        public int queueDays() {
            return TriageService.QUEUE_DAYS;
        }
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance queue(View view);
    }

    @Inject
    CurrentPerson current;

    @Inject
    TriageService triage;

    @GET
    public TemplateInstance queue(@QueryParam("page") String page, @QueryParam("done") String done) {
        Queue queue = triage.queue(current.person(), Paging.asked(page, 1));
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(CareTeamPages.LOCALE);
        List<Line> lines = queue.items().stream().map(i -> new Line(i.checkInId().toString(),
                i.patientId().toString(), i.patientName(), format.format(i.date()), i.mood(), i.score(),
                List.copyOf(i.reasons()), i.newSymptoms(), i.editedAfterReview())).toList();
        return Templates
                .queue(new View(lines, queue.page(), queue.pages(), queue.total(), CheckInActionPages.done(done)));
    }
}
