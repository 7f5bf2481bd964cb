package app.wellkeep.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The instruments' published scoring, checked score by score against the published tables (Kroenke et al. 2001 and
 * 2003, Spitzer et al. 2006): every band boundary, the screening cut-off of 3, and PHQ-9 item 9.
 */
class ScoringTest {

    static final Map<String, Instrument> INSTRUMENTS = InstrumentCatalogue.load(new ObjectMapper());

    /** The published band of a total, written out independently of the definition files. */
    static String publishedBand(String instrument, int total) {
        return switch (instrument) {
            case "phq-2", "gad-2" -> total >= 3 ? "positive" : "negative";
            case "phq-9" -> total <= 4
                    ? "minimal"
                    : total <= 9
                            ? "mild"
                            : total <= 14
                                    ? "moderate"
                                    : total <= 19 ? "moderately-severe" : "severe";
            case "gad-7" -> total <= 4 ? "minimal" : total <= 9 ? "mild" : total <= 14 ? "moderate" : "severe";
            default -> throw new IllegalArgumentException(instrument);
        };
    }

    static Stream<Arguments> everyTotal() {
        Map<String, Integer> maxima = Map.of("phq-2", 6, "gad-2", 6, "phq-9", 27, "gad-7", 21);
        return maxima.entrySet().stream().flatMap(
                e -> IntStream.rangeClosed(0, e.getValue()).mapToObj(total -> Arguments.of(e.getKey(), total)));
    }

    @Test
    void theCatalogueHasTheFourInstrumentsWithTheirPublishedRanges() {
        assertEquals(List.of("phq-2", "gad-2", "phq-9", "gad-7"), List.copyOf(INSTRUMENTS.keySet()));
        assertEquals(6, INSTRUMENTS.get("phq-2").maxScore());
        assertEquals(6, INSTRUMENTS.get("gad-2").maxScore());
        assertEquals(27, INSTRUMENTS.get("phq-9").maxScore());
        assertEquals(21, INSTRUMENTS.get("gad-7").maxScore());
        assertEquals(9, INSTRUMENTS.get("phq-9").items().size());
        assertEquals(7, INSTRUMENTS.get("gad-7").items().size());
    }

    @ParameterizedTest(name = "{0} total {1}")
    @MethodSource("everyTotal")
    void everyTotalFallsInItsPublishedBand(String id, int total) {
        Instrument instrument = INSTRUMENTS.get(id);
        Scoring.Result result = Scoring.score(instrument, answersSummingTo(instrument, total, false));
        assertEquals(total, result.total());
        assertEquals(publishedBand(id, total), result.band());
    }

    @ParameterizedTest(name = "{0} total {1}")
    @MethodSource("everyTotal")
    void screeningsLeadOnAtThreeOrMore(String id, int total) {
        Instrument instrument = INSTRUMENTS.get(id);
        Optional<String> followUp = Scoring.score(instrument, answersSummingTo(instrument, total, false)).followUp();
        switch (id) {
            case "phq-2" -> assertEquals(total >= 3 ? Optional.of("phq-9") : Optional.empty(), followUp);
            case "gad-2" -> assertEquals(total >= 3 ? Optional.of("gad-7") : Optional.empty(), followUp);
            default -> assertEquals(Optional.empty(), followUp);
        }
    }

    @Test
    void anyAnswerAboveZeroOnPhq9Item9IsUrgentWhateverTheTotal() {
        Instrument phq9 = INSTRUMENTS.get("phq-9");
        for (int item9 = 0; item9 <= 3; item9++) {
            Map<String, Integer> answers = answersSummingTo(phq9, 0, false);
            answers.put("phq-9", item9);
            Scoring.Result result = Scoring.score(phq9, answers);
            assertEquals(item9 > 0, result.urgent(), "item 9 = " + item9);
            assertEquals(item9, result.total());
        }
        Map<String, Integer> highButSafe = answersSummingTo(phq9, 24, true);
        assertFalse(Scoring.score(phq9, highButSafe).urgent());
        assertTrue(INSTRUMENTS.get("gad-7").urgentAnswer().isEmpty());
        assertTrue(INSTRUMENTS.get("phq-2").urgentAnswer().isEmpty());
    }

    @Test
    void answersMustCoverEveryItemWithAnOfferedValue() {
        Instrument phq2 = INSTRUMENTS.get("phq-2");
        var missing = assertThrows(Scoring.InvalidAnswers.class, () -> Scoring.parse(phq2, Map.of("phq-1", "1")));
        assertEquals(List.of("phq-2"), missing.missing());
        var outOfRange = assertThrows(Scoring.InvalidAnswers.class,
                () -> Scoring.parse(phq2, Map.of("phq-1", "4", "phq-2", "-1")));
        assertEquals(List.of("phq-1", "phq-2"), outOfRange.invalid());
        var notANumber = assertThrows(Scoring.InvalidAnswers.class,
                () -> Scoring.parse(phq2, Map.of("phq-1", "1", "phq-2", "two")));
        assertEquals(List.of("phq-2"), notANumber.invalid());
        var foreign = assertThrows(Scoring.InvalidAnswers.class,
                () -> Scoring.parse(phq2, Map.of("phq-1", "1", "phq-2", "1", "phq-9", "3")));
        assertEquals(List.of("phq-9"), foreign.invalid());
        assertEquals(Map.of("phq-1", 1, "phq-2", 3), Scoring.parse(phq2, Map.of("phq-1", " 1", "phq-2", "3")));
    }

    /** Answers with the given total, filling items in order; item 9 of the PHQ-9 left at 0 when asked. */
    static Map<String, Integer> answersSummingTo(Instrument instrument, int total, boolean keepLastAtZero) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        int left = total;
        List<Instrument.Item> items = instrument.items();
        for (int i = 0; i < items.size(); i++) {
            boolean last = i == items.size() - 1;
            int value = keepLastAtZero && last ? 0 : Math.min(3, left);
            answers.put(items.get(i).linkId(), value);
            left -= value;
        }
        assertEquals(0, left, "total " + total + " cannot be reached");
        return answers;
    }
}
