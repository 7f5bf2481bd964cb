package app.wellkeep.checkin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Published scoring: the sum of the items' ordinal values, its band, the follow-up and the urgent answer. */
public final class Scoring {

    private Scoring() {
    }

    public record Result(int total, String band, Optional<String> followUp, boolean urgent) {
    }

    /** Thrown for answers that do not fit the instrument; carries the items at fault. */
    public static final class InvalidAnswers extends RuntimeException {

        private final List<String> missing;
        private final List<String> invalid;

        InvalidAnswers(List<String> missing, List<String> invalid) {
            super("missing " + missing + ", invalid " + invalid);
            this.missing = List.copyOf(missing);
            this.invalid = List.copyOf(invalid);
        }

        public List<String> missing() {
            return missing;
        }

        public List<String> invalid() {
            return invalid;
        }
    }

    /**
     * Checks the answers (every item answered with one of its values, no other items) and scores them. Answers
     * are raw form values by linkId.
     */
    public static Map<String, Integer> parse(Instrument instrument, Map<String, String> raw) {
        List<String> missing = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (Instrument.Item item : instrument.items()) {
            String value = raw.get(item.linkId());
            if (value == null || value.isBlank()) {
                missing.add(item.linkId());
                continue;
            }
            try {
                int parsed = Integer.parseInt(value.strip());
                if (item.option(parsed).isEmpty()) {
                    invalid.add(item.linkId());
                } else {
                    answers.put(item.linkId(), parsed);
                }
            } catch (NumberFormatException e) {
                invalid.add(item.linkId());
            }
        }
        raw.keySet().stream().filter(k -> instrument.item(k).isEmpty()).forEach(invalid::add);
        if (!missing.isEmpty() || !invalid.isEmpty()) {
            throw new InvalidAnswers(missing, invalid);
        }
        return answers;
    }

    public static Result score(Instrument instrument, Map<String, Integer> answers) {
        int total = answers.values().stream().mapToInt(Integer::intValue).sum();
        String band = instrument.bands().stream().filter(b -> total >= b.min() && total <= b.max()).findFirst()
                .orElseThrow().code();
        Optional<String> followUp = instrument.followUp().filter(f -> total >= f.atLeast())
                .map(Instrument.FollowUp::instrumentId);
        boolean urgent = instrument.urgentAnswer()
                .map(u -> answers.getOrDefault(u.linkId(), 0) >= u.atLeast()).orElse(false);
        return new Result(total, band, followUp, urgent);
    }
}
