package app.wellkeep.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.wellkeep.account.Person;
import app.wellkeep.coach.TriageEntries;

/**
 * The check-in part of the demo data: four weeks of check-ins with a few missed days, weekly screenings and an
 * evening reminder, so the history and a coach's view have something to show. Added once per person.
 */
@ApplicationScoped
public class CheckInDemo {

    static final int DAYS = 28;

    @Inject
    InstrumentCatalogue instruments;

    /** Returns whether anything was added. */
    @Transactional
    public boolean load(Person person, Instant now) {
        if (CheckIn.count("personId", person.id) > 0) {
            return false;
        }
        LocalDate today = LocalDate.ofInstant(now, person.zone());
        for (int ago = DAYS; ago >= 1; ago--) {
            // A missed day now and then, as in real life.
            if (ago % 6 == 4 || ago % 11 == 0) {
                continue;
            }
            LocalDate day = today.minusDays(ago);
            CheckIn checkIn = new CheckIn();
            checkIn.id = UUID.randomUUID();
            checkIn.personId = person.id;
            checkIn.localDate = day;
            checkIn.timeZone = person.timeZone;
            checkIn.mood = (short) (3 + Math.round(Math.sin(ago / 4.0)));
            checkIn.energy = (short) (3 + Math.round(Math.cos(ago / 5.0)));
            checkIn.stress = (short) (2 + ago % 3);
            checkIn.sleepQuality = (short) (3 + (ago % 4 == 0 ? -1 : ago % 5 == 0 ? 1 : 0));
            checkIn.medication = ago % 9 == 0 ? CheckIn.Medication.NOT_TAKEN : CheckIn.Medication.TAKEN;
            checkIn.symptoms = ago % 7 == 0 ? "HEADACHE" : ago % 10 == 0 ? "FATIGUE" : "";
            checkIn.createdAt = day.atTime(20, 15).atZone(person.zone()).toInstant();
            checkIn.updatedAt = checkIn.createdAt;
            checkIn.persist();
        }
        CheckInSummary.refresh(person.id);
        screening(person, "phq-2", Map.of("phq-1", 1, "phq-2", 0), today.minusDays(15));
        screening(person, "gad-2", Map.of("gad-1", 1, "gad-2", 1), today.minusDays(15));
        screening(person, "phq-2", Map.of("phq-1", 0, "phq-2", 1), today.minusDays(8));
        screening(person, "gad-2", Map.of("gad-1", 1, "gad-2", 0), today.minusDays(8));
        TriageEntries.refresh(person.id);
        if (ReminderSetting.findById(person.id) == null) {
            ReminderSetting reminder = new ReminderSetting();
            reminder.personId = person.id;
            reminder.emailEnabled = person.email != null;
            reminder.localTime = LocalTime.of(19, 30);
            reminder.persist();
        }
        return true;
    }

    private void screening(Person person, String id, Map<String, Integer> answers, LocalDate day) {
        Instrument instrument = instruments.find(id).orElseThrow();
        Map<String, Integer> ordered = new java.util.LinkedHashMap<>();
        instrument.items().forEach(item -> ordered.put(item.linkId(), answers.get(item.linkId())));
        Scoring.Result result = Scoring.score(instrument, ordered);
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.id = UUID.randomUUID();
        response.personId = person.id;
        response.instrument = id;
        response.localDate = day;
        response.authoredAt = day.atTime(20, 20).toInstant(ZoneOffset.UTC);
        response.answers = QuestionnaireResponse.encode(ordered);
        response.totalScore = (short) result.total();
        response.band = result.band();
        response.urgent = result.urgent();
        response.submissionKey = UUID.randomUUID();
        response.persist();
    }
}
