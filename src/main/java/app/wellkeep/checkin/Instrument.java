package app.wellkeep.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A validated instrument as data: a FHIR R4 Questionnaire with choice items, ordinal answer values and Wellkeep
 * extensions for scoring (score bands, a follow-up instrument at a threshold, an answer that makes it urgent).
 * A new instrument is a new definition file, not new code.
 */
public record Instrument(String id, String url, String recallPeriod, List<Item> items, List<Band> bands,
        Optional<FollowUp> followUp, Optional<UrgentAnswer> urgentAnswer, Optional<String> loincPanel,
        Optional<String> loincTotal) {

    static final String EXT = "https://wellkeep.app/fhir/StructureDefinition/";
    static final String ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    static final String URL_PREFIX = "https://wellkeep.app/fhir/Questionnaire/";

    public record Item(String linkId, List<AnswerOption> options) {

        public Optional<AnswerOption> option(int value) {
            return options.stream().filter(o -> o.value() == value).findFirst();
        }
    }

    public record AnswerOption(String code, int value) {
    }

    public record Band(int min, int max, String code) {
    }

    public record FollowUp(int atLeast, String instrumentId) {
    }

    public record UrgentAnswer(String linkId, int atLeast) {
    }

    public int maxScore() {
        return items.stream().mapToInt(i -> i.options().stream().mapToInt(AnswerOption::value).max().orElse(0)).sum();
    }

    public Optional<Item> item(String linkId) {
        return items.stream().filter(i -> i.linkId().equals(linkId)).findFirst();
    }

    /** Reads a definition; anything it does not understand is an error at start-up, not on a patient's screen. */
    static Instrument fromQuestionnaire(JsonNode q) {
        require("Questionnaire".equals(q.path("resourceType").asText()), "not a Questionnaire");
        String id = q.path("id").asText();
        List<Item> items = new ArrayList<>();
        for (JsonNode item : q.path("item")) {
            require("choice".equals(item.path("type").asText()), id + ": only choice items are supported");
            List<AnswerOption> options = new ArrayList<>();
            for (JsonNode option : item.path("answerOption")) {
                int value = extensions(option, ORDINAL).stream().findFirst().map(e -> e.path("valueDecimal").asInt())
                        .orElseThrow(() -> new IllegalArgumentException(id + ": answer without ordinal value"));
                options.add(new AnswerOption(option.path("valueCoding").path("code").asText(), value));
            }
            require(!options.isEmpty(), id + ": item without answers");
            items.add(new Item(item.path("linkId").asText(), List.copyOf(options)));
        }
        List<Band> bands = extensions(q, EXT + "score-band").stream()
                .map(b -> new Band(sub(b, "min").path("valueInteger").asInt(),
                        sub(b, "max").path("valueInteger").asInt(),
                        sub(b, "band").path("valueCode").asText()))
                .toList();
        Optional<FollowUp> followUp = extensions(q, EXT + "follow-up").stream().findFirst()
                .map(f -> new FollowUp(sub(f, "atLeast").path("valueInteger").asInt(),
                        sub(f, "questionnaire").path("valueCanonical").asText().replace(URL_PREFIX, "")));
        Optional<UrgentAnswer> urgent = extensions(q, EXT + "urgent-answer").stream().findFirst()
                .map(u -> new UrgentAnswer(sub(u, "linkId").path("valueString").asText(),
                        sub(u, "atLeast").path("valueInteger").asInt()));
        String recall = extensions(q, EXT + "recall-period").stream().findFirst().map(e -> e.path("valueCode").asText())
                .orElse("two-weeks");
        Optional<String> panel = Optional.ofNullable(q.path("code").path(0).path("code").textValue());
        Optional<String> total = extensions(q, EXT + "total-score-code").stream().findFirst()
                .map(e -> e.path("valueCoding").path("code").asText());
        Instrument instrument = new Instrument(id, q.path("url").asText(), recall, List.copyOf(items), bands, followUp,
                urgent, panel, total);
        instrument.checkBandsCoverScores();
        return instrument;
    }

    /** Every possible total falls in exactly one band. */
    private void checkBandsCoverScores() {
        for (int score = 0; score <= maxScore(); score++) {
            int s = score;
            require(bands.stream().filter(b -> s >= b.min() && s <= b.max()).count() == 1,
                    id + ": score " + score + " is not in exactly one band");
        }
        urgentAnswer.ifPresent(u -> require(item(u.linkId()).isPresent(), id + ": urgent answer names no item"));
    }

    private static List<JsonNode> extensions(JsonNode node, String url) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode ext : node.path("extension")) {
            if (url.equals(ext.path("url").asText())) {
                found.add(ext);
            }
        }
        return found;
    }

    private static JsonNode sub(JsonNode ext, String url) {
        return extensions(ext, url).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("extension without " + url));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("Invalid instrument definition: " + message);
        }
    }
}
