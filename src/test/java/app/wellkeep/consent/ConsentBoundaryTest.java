package app.wellkeep.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Cross-patient reads exist only behind the gate: the tables of patient data are queried only inside their own
 * feature (whose shared reads take an {@link Access}), and people are looked up by id only where identity is the
 * business (sign-in, the gate, consent, the access log, data rights, demo data).
 */
class ConsentBoundaryTest {

    private static final Path MAIN = Path.of("src/main/java/app/wellkeep");

    /** An entity of patient data, and the package that may query it. */
    record Owned(String entity, String owner) {
    }

    static final List<Owned> PATIENT_DATA = List.of(new Owned("CheckIn", "checkin"),
            new Owned("QuestionnaireResponse", "checkin"), new Owned("ReminderSetting", "checkin"),
            new Owned("ConsentGrant", "consent"), new Owned("ConsentReceipt", "consent"),
            new Owned("AuditEvent", "audit"), new Owned("Sample", "vitals"), new Owned("DailyRollup", "vitals"),
            new Owned("SampleBlock", "vitals"), new Owned("StagedBlock", "vitals"));

    static final List<String> PERSON_LOOKUP_ALLOWED = List.of("account", "consent", "audit", "privacy", "demo");

    /** Single files elsewhere that look a person up for that person's own sake, each reviewed. */
    static final List<String> PERSON_LOOKUP_REVIEWED = List.of(
            // Sends each person their own check-in reminder.
            "checkin/ReminderService.java",
            // Runs each person's own import.
            "ingest/ImportWorker.java",
            // Lock the patient's row to rewrite a derived summary; they read nothing of the person.
            "checkin/CheckInSummary.java", "coach/ReviewSummary.java");

    @Test
    void patientDataIsQueriedOnlyByItsOwnFeature() throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path file : sources()) {
            String feature = MAIN.relativize(file).getName(0).toString();
            String text = Files.readString(file);
            for (Owned owned : PATIENT_DATA) {
                if (!feature.equals(owned.owner())
                        && Pattern.compile("\\b" + owned.entity() + "\\s*\\.\\s*(<[^>]*>\\s*)?(find|list|stream|count"
                                + "|between|update|delete|getEntityManager)").matcher(text).find()) {
                    findings.add(MAIN.relativize(file) + " queries " + owned.entity());
                }
            }
            if (!PERSON_LOOKUP_ALLOWED.contains(feature)
                    && !PERSON_LOOKUP_REVIEWED.contains(MAIN.relativize(file).toString())
                    && Pattern.compile("\\bPerson\\s*\\.\\s*(<[^>]*>\\s*)?(find(?!BySubject)|list|stream)")
                            .matcher(text).find()) {
                findings.add(MAIN.relativize(file) + " looks people up by id");
            }
        }
        assertEquals(List.of(), findings);
    }

    @Test
    void theScanSeesAQuery() {
        assertEquals(true, Pattern.compile("\\bCheckIn\\s*\\.\\s*(<[^>]*>\\s*)?(find|list|between)")
                .matcher("CheckIn.<CheckIn> list(\"personId\", id)").find());
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }
}
