package app.wellkeep.testsupport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;

import app.wellkeep.checkin.CheckIn;
import app.wellkeep.checkin.CheckInSummary;
import app.wellkeep.checkin.QuestionnaireResponse;
import app.wellkeep.checkin.ReminderSetting;
import app.wellkeep.coach.TriageEntries;

/** A person's check-in data, written straight to the tables, for the data-rights tests. */
public final class Seed {

    /** A note a spreadsheet would run as a formula, were it not neutralised. */
    public static final String FORMULA_NOTE = "=HYPERLINK(\"https://evil.example/\",\"Click, please\")";
    public static final int CHECK_INS = 3;
    public static final int RESPONSES = 2;

    private Seed() {
    }

    /** Three check-ins (the latest with {@link #FORMULA_NOTE}), a PHQ-2 with the PHQ-9 following it, a reminder. */
    public static void checkInData(UUID personId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            for (int ago = CHECK_INS; ago >= 1; ago--) {
                CheckIn c = new CheckIn();
                c.id = UUID.randomUUID();
                c.personId = personId;
                c.localDate = today.minusDays(ago);
                c.timeZone = "UTC";
                c.mood = (short) (ago + 1);
                c.energy = 3;
                c.stress = 2;
                c.sleepQuality = 4;
                c.medication = CheckIn.Medication.TAKEN;
                c.symptoms = ago == 1 ? "FATIGUE,HEADACHE" : "";
                c.note = ago == 1 ? FORMULA_NOTE : null;
                c.createdAt = now.minus(ago, ChronoUnit.DAYS);
                c.updatedAt = c.createdAt;
                c.persist();
            }
            CheckInSummary.refresh(personId);
            QuestionnaireResponse screening = response(personId, "phq-2", "phq-1=1,phq-2=2", 3, "positive", null,
                    now);
            String phq9 = "phq-1=1,phq-2=2,phq-3=0,phq-4=0,phq-5=0,phq-6=0,phq-7=0,phq-8=0,phq-9=0";
            response(personId, "phq-9", phq9, 3, "minimal", screening.id, now.plusSeconds(60));
            TriageEntries.refresh(personId);
            ReminderSetting reminder = new ReminderSetting();
            reminder.personId = personId;
            reminder.emailEnabled = true;
            reminder.localTime = LocalTime.of(19, 30);
            reminder.persist();
        });
    }

    private static QuestionnaireResponse response(UUID personId, String instrument, String answers, int total,
            String band, UUID follows, Instant at) {
        QuestionnaireResponse r = new QuestionnaireResponse();
        r.id = UUID.randomUUID();
        r.personId = personId;
        r.instrument = instrument;
        r.localDate = LocalDate.ofInstant(at, ZoneOffset.UTC);
        r.authoredAt = at;
        r.answers = answers;
        r.totalScore = (short) total;
        r.band = band;
        r.urgent = false;
        r.followsId = follows;
        r.submissionKey = UUID.randomUUID();
        r.persist();
        return r;
    }
}
