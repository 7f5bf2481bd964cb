package app.wellkeep.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.wellkeep.ingest.CsvLines.Dialect;
import app.wellkeep.ingest.ImportException.Problem;

class CsvLinesTest {

    /** The strictest of the switches, with Takeout's width. */
    private static final Dialect STRICT = new Dialect(1024, true, true, false);

    /** Each record as "line: field|field". */
    static List<String> records(Dialect dialect, String text) {
        List<String> records = new ArrayList<>();
        try (CsvLines csv = new CsvLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), dialect)) {
            for (List<String> record = csv.next(); record != null; record = csv.next()) {
                records.add(csv.line() + ": " + String.join("|", record));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    static Problem problem(Dialect dialect, String text) {
        return assertThrows(ImportException.class, () -> records(dialect, text)).problem();
    }

    @Test
    void readsQuotedFieldsAcrossLinesAndCountsTheLines() {
        String text = "\uFEFFa,\"b \"\"c\"\"\r\nd\"\r\ne,\n";
        assertEquals(List.of("1: a|b \"c\"\r\nd", "3: e|"), records(Dialect.WELLKEEP, text));
        assertEquals(List.of("1: a|b \"c\"\r\nd", "3: e|"), records(STRICT, text));
    }

    @Test
    void passesOverEmptyLinesOnlyWhereTheDialectSaysSo() {
        assertEquals(List.of("1: a", "2: ", "3: ", "4: b"), records(Dialect.WELLKEEP, "a\r\n\r\n\nb"));
        assertEquals(List.of("2: a", "5: b"), records(STRICT, "\r\na\r\n\r\n\nb\n\n"));
        assertEquals(List.of(), records(STRICT, "\r\n\r\n"));
    }

    @Test
    void takesAQuoteInsideAFieldAsTextOrAsMalformed() {
        assertEquals(List.of("1: a|b\"c"), records(Dialect.WELLKEEP, "a,b\"c"));
        assertEquals(Problem.MALFORMED, problem(STRICT, "a,b\"c"));
        assertEquals(Problem.MALFORMED, problem(Dialect.WELLKEEP, "\"a\"b"));
        assertEquals(Problem.MALFORMED, problem(STRICT, "\"a\"b"));
    }

    @Test
    void takesANulAsBinaryDataOrAsText() {
        assertEquals(Problem.MALFORMED, problem(Dialect.WELLKEEP, "a\u0000b"));
        assertEquals(List.of("1: a\u0000b"), records(STRICT, "a\u0000b"));
    }

    @Test
    void holdsARecordToTheDialectsNumberOfFields() {
        assertEquals(1, records(Dialect.WELLKEEP, ",".repeat(CsvLines.MAX_FIELDS - 1)).size());
        assertEquals(Problem.MALFORMED, problem(Dialect.WELLKEEP, ",".repeat(CsvLines.MAX_FIELDS)));
        assertEquals(1, records(STRICT, ",".repeat(1023)).size());
        assertEquals(Problem.MALFORMED, problem(STRICT, ",".repeat(1024)));
    }

    @Test
    void refusesWhatNoDialectReads() {
        for (Dialect dialect : List.of(Dialect.WELLKEEP, STRICT)) {
            assertEquals(Problem.TRUNCATED, problem(dialect, "a,\"b"));
            assertEquals(Problem.MALFORMED, problem(dialect, "x".repeat(CsvLines.MAX_RECORD + 1)));
            assertEquals(Problem.NOT_UTF8, assertThrows(ImportException.class,
                    () -> new CsvLines(new ByteArrayInputStream(new byte[]{'a', (byte) 0xFF}), dialect).next())
                    .problem());
        }
    }
}
