package app.wellkeep.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import app.wellkeep.ingest.ImportException.Problem;

/**
 * Comma-separated values as RFC 4180 writes them (quoted fields with doubled quotes, CRLF or LF), read a record at a
 * time from strict UTF-8 (a byte-order mark is dropped). A quoted field may span lines; no record may be longer
 * than {@link #MAX_RECORD} characters, so a file without line ends cannot fill the memory. Where the files of one
 * format are stricter or wider than Wellkeep's own, a {@link Dialect} says how.
 */
public final class CsvLines implements AutoCloseable {

    public static final int MAX_RECORD = 64 * 1024;
    public static final int MAX_FIELDS = 256;

    /**
     * How a format writes its CSV: at most {@code maxFields} fields a record; whether empty lines are passed over (else
     * each is a record of one empty field); whether a quote inside an unquoted field makes the file malformed (else it
     * is text); whether a NUL character makes it malformed as binary data (else it is text).
     */
    public record Dialect(int maxFields, boolean skipsEmptyLines, boolean quotesWholeFields, boolean refusesNul) {

        /** Wellkeep's own CSV. */
        public static final Dialect WELLKEEP = new Dialect(MAX_FIELDS, false, false, true);
    }

    private final Reader in;
    private final Dialect dialect;
    private long line;
    private long recordLine;
    private boolean first = true;
    private int pushedBack = -2;

    public CsvLines(InputStream stream) {
        this(stream, Dialect.WELLKEEP);
    }

    public CsvLines(InputStream stream, Dialect dialect) {
        this.in = new java.io.BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        this.dialect = dialect;
    }

    /** The line the last record began on, from 1. */
    public long line() {
        return recordLine;
    }

    /** The next record's fields, or null at the end. */
    public List<String> next() throws IOException {
        try {
            return read();
        } catch (CharacterCodingException e) {
            throw new ImportException(Problem.NOT_UTF8, "not UTF-8 text near line " + (line + 1), e);
        }
    }

    private int nextChar() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        int c = in.read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = in.read();
            }
        }
        if (c == 0 && dialect.refusesNul()) {
            throw new ImportException(Problem.MALFORMED, "binary data near line " + (line + 1));
        }
        return c;
    }

    private List<String> read() throws IOException {
        int c = nextChar();
        while (dialect.skipsEmptyLines() && (c == '\r' || c == '\n')) {
            line++;
            int after = nextChar();
            c = c == '\r' && after == '\n' ? nextChar() : after;
        }
        if (c == -1) {
            return null;
        }
        line++;
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int length = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (++length > MAX_RECORD) {
                throw new ImportException(Problem.MALFORMED, "line " + recordLine + " is longer than " + MAX_RECORD);
            }
            if (quoted) {
                if (c == -1) {
                    throw new ImportException(Problem.TRUNCATED,
                            "quoted field from line " + recordLine + " never ends");
                }
                if (c == '"') {
                    int after = nextChar();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                add(fields, field);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int after = nextChar();
                    if (after != '\n') {
                        pushedBack = after;
                    }
                }
                add(fields, field);
                return fields;
            } else if (wasQuoted) {
                throw new ImportException(Problem.MALFORMED, "text after a closing quote on line " + recordLine);
            } else if (c == '"' && dialect.quotesWholeFields()) {
                throw new ImportException(Problem.MALFORMED, "a quote inside an unquoted field on line " + recordLine);
            } else {
                field.append((char) c);
            }
            c = nextChar();
        }
    }

    private void add(List<String> fields, StringBuilder field) {
        if (fields.size() == dialect.maxFields()) {
            throw new ImportException(Problem.MALFORMED,
                    "more than " + dialect.maxFields() + " fields on line " + recordLine);
        }
        fields.add(field.toString());
        field.setLength(0);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
