package app.wellkeep.coach;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.wellkeep.privacy.ExportSink;
import app.wellkeep.privacy.PersonalData;

/**
 * What coaches wrote to or about a patient, for the patient's export and erasure. The export holds the feedback the
 * patient reads (as FHIR Communication); erasure also removes the care team's private notes about the patient and
 * the reviews of their check-ins. What a coach wrote as author keeps its text, with the author's name, when the
 * coach's own account is erased (the schema sets the author to null).
 */
@ApplicationScoped
public class FeedbackPersonalData implements PersonalData {

    static final List<String> FEEDBACK_HEADER = List.of("id", "checkin_id", "author_name", "body", "created_at",
            "seen_at");

    @Override
    public String section() {
        return "coach-feedback";
    }

    @Override
    public void export(UUID personId, ExportSink sink) {
        for (CoachFeedback f : CoachFeedback.<CoachFeedback>list("patientId = ?1 order by createdAt, id", personId)) {
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("resourceType", "Communication");
            resource.put("id", f.id.toString());
            resource.put("status", "completed");
            resource.put("sent", f.createdAt.toString());
            if (f.seenAt != null) {
                resource.put("received", f.seenAt.toString());
            }
            resource.put("sender", Map.of("display", f.authorName));
            resource.put("payload", List.of(Map.of("contentString", f.body)));
            sink.resource(resource);
            sink.row("coach_feedback", FEEDBACK_HEADER,
                    Arrays.asList(f.id, f.checkinId, f.authorName, f.body, f.createdAt, f.seenAt));
        }
    }

    @Override
    public long erase(UUID personId) {
        return CoachFeedback.delete("patientId", personId) + CareNote.delete("patientId", personId)
                + ReviewSummary.delete("patientId", personId) + CheckInReview.delete("patientId", personId);
    }
}
