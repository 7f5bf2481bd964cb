package app.wellkeep.checkin;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.wellkeep.privacy.ExportSink;
import app.wellkeep.privacy.PersonalData;

/** Check-ins, instrument answers and the reminder choice, for a person's export and erasure. */
@ApplicationScoped
public class CheckInPersonalData implements PersonalData {

    static final List<String> CHECKIN_HEADER = List.of("id", "local_date", "time_zone", "mood", "energy", "stress",
            "sleep_quality", "medication", "symptoms", "symptom_note", "note", "created_at", "updated_at");
    static final List<String> RESPONSE_HEADER = List.of("id", "instrument", "local_date", "authored_at", "answers",
            "total_score", "band", "urgent", "follows_id");
    static final List<String> REMINDER_HEADER = List.of("email_enabled", "local_time", "last_sent_on");

    @Inject
    CheckInFhir fhir;

    @Override
    public String section() {
        return "check-ins";
    }

    @Override
    public void export(UUID personId, ExportSink sink) {
        for (CheckIn c : CheckIn.<CheckIn>list("personId = ?1 order by localDate", personId)) {
            sink.resource(fhir.checkIn(c));
            sink.row("checkin", CHECKIN_HEADER, Arrays.asList(c.id, c.localDate, c.timeZone, c.mood, c.energy,
                    c.stress, c.sleepQuality, c.medication, c.symptoms, c.symptomNote, c.note, c.createdAt,
                    c.updatedAt));
        }
        for (QuestionnaireResponse r : QuestionnaireResponse.<QuestionnaireResponse>list(
                "personId = ?1 order by authoredAt", personId)) {
            sink.resource(fhir.questionnaireResponse(r));
            sink.row("questionnaire_response", RESPONSE_HEADER, Arrays.asList(r.id, r.instrument, r.localDate,
                    r.authoredAt, r.answers, r.totalScore, r.band, r.urgent, r.followsId));
        }
        ReminderSetting.<ReminderSetting>findByIdOptional(personId).ifPresent(s -> {
            sink.resource(fhir.reminder(s));
            sink.row("checkin_reminder", REMINDER_HEADER, Arrays.asList(s.emailEnabled, s.localTime, s.lastSentOn));
        });
    }

    @Override
    public long erase(UUID personId) {
        // A response may follow another one of the same person; unlink first so the order of deletes never matters.
        QuestionnaireResponse.update("followsId = null where personId = ?1 and followsId is not null", personId);
        return ReminderSetting.delete("personId", personId) + QuestionnaireResponse.delete("personId", personId)
                + CheckInSummary.delete("personId", personId) + CheckIn.delete("personId", personId);
    }
}
