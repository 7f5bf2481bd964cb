package app.wellkeep.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;

import app.wellkeep.ingest.ImportException.Problem;

class SafeJsonTest {

    static int tokens(byte[] json) {
        try (JsonParser parser = SafeJson.open(new ByteArrayInputStream(json))) {
            int count = 0;
            for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isNumeric()) {
                    parser.getDoubleValue();
                } else if (token.isScalarValue()) {
                    parser.getText();
                }
                count++;
            }
            return count;
        } catch (IOException e) {
            throw SafeJson.problem(e);
        }
    }

    static Problem problem(String json) {
        return problem(json.getBytes(StandardCharsets.UTF_8));
    }

    static Problem problem(byte[] json) {
        return assertThrows(ImportException.class, () -> tokens(json)).problem();
    }

    @Test
    void readsPlainJson() {
        assertEquals(7, tokens("{\"a\": [1, \"zürich\"]}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesDeepNesting() {
        assertEquals(Problem.TOO_DEEP,
                problem("[".repeat(SafeJson.MAX_DEPTH + 1) + "]".repeat(SafeJson.MAX_DEPTH + 1)));
        assertEquals(2 * SafeJson.MAX_DEPTH, tokens(("[".repeat(SafeJson.MAX_DEPTH) + "]".repeat(SafeJson.MAX_DEPTH))
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesAHugeNumberOrString() {
        assertEquals(Problem.MALFORMED, problem("[" + "9".repeat(SafeJson.MAX_NUMBER + 1) + "]"));
        assertEquals(Problem.MALFORMED, problem("[\"" + "x".repeat(SafeJson.MAX_STRING + 1) + "\"]"));
    }

    @Test
    void refusesDuplicateKeys() {
        assertEquals(Problem.MALFORMED, problem("{\"value\": 60, \"value\": 900}"));
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        assertEquals(Problem.NOT_UTF8, problem("[\"Zürich\"]".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Problem.NOT_UTF8, problem("[\"a\"]".getBytes(StandardCharsets.UTF_16)));
        assertEquals(Problem.NOT_UTF8, problem("[\"a\"]".getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void saysATruncatedFileEndsEarly() {
        assertEquals(Problem.TRUNCATED, problem("{\"a\": [1, 2"));
        assertEquals(Problem.TRUNCATED, problem("{\"a\": \"unfinished"));
    }

    @Test
    void refusesWhatIsNotJson() {
        assertEquals(Problem.MALFORMED, problem("{a: 1}"));
        assertEquals(Problem.MALFORMED, problem("[NaN]"));
        assertEquals(Problem.MALFORMED, problem("[1] // comment"));
    }
}
