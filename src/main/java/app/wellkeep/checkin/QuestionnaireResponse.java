package app.wellkeep.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Answers to one instrument, with the score and band computed when they were given. */
@Entity
@Table(name = "questionnaire_response")
public class QuestionnaireResponse extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    /** The instrument's id, e.g. {@code phq-9}. */
    @Column(nullable = false, length = 32)
    public String instrument;

    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    @Column(name = "authored_at", nullable = false)
    public Instant authoredAt;

    /** {@code linkId=value} pairs in item order, comma-separated. */
    @Column(nullable = false, length = 200)
    public String answers;

    @Column(name = "total_score", nullable = false)
    public short totalScore;

    @Column(nullable = false, length = 32)
    public String band;

    /** An answer that asks for the care team's prompt attention (PHQ-9 item 9 above 0). */
    @Column(nullable = false)
    public boolean urgent;

    /** The screening response this one follows on from (a PHQ-9 after a PHQ-2). */
    @Column(name = "follows_id")
    public UUID followsId;

    /** Set by the form: a second submission of the same form is the same response. */
    @Column(name = "submission_key", nullable = false)
    public UUID submissionKey;

    public Map<String, Integer> answerMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (String pair : answers.split(",")) {
            int eq = pair.indexOf('=');
            map.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
        }
        return map;
    }

    public static String encode(Map<String, Integer> answers) {
        StringBuilder text = new StringBuilder();
        answers.forEach(
                (linkId, value) -> text.append(text.isEmpty() ? "" : ",").append(linkId).append('=').append(value));
        return text.toString();
    }

    public static Optional<QuestionnaireResponse> findBySubmission(UUID personId, UUID submissionKey) {
        return find("personId = ?1 and submissionKey = ?2", personId, submissionKey).firstResultOptional();
    }

    public static Optional<QuestionnaireResponse> findOwned(UUID personId, UUID id) {
        return find("personId = ?1 and id = ?2", personId, id).firstResultOptional();
    }

    public static Optional<QuestionnaireResponse> latest(UUID personId, String instrument) {
        return find("personId = ?1 and instrument = ?2 order by authoredAt desc", personId, instrument)
                .firstResultOptional();
    }

    public static List<QuestionnaireResponse> between(UUID personId, LocalDate from, LocalDate to) {
        return list("personId = ?1 and localDate >= ?2 and localDate <= ?3 order by authoredAt", personId, from, to);
    }
}
