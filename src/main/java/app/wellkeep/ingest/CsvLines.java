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
 * than {@link #MAX_RECORD} characters, so a file without line ends cannot fill the memory.
 */
public final class CsvLines implements AutoCloseable {

    public static final int MAX_RECORD = 64 * 1024;
    public static final int MAX_FIELDS = 256;

    private final Reader in;
    private long line;
    private long recordLine;
    private boolean first = true;
    private int pushedBack = -2;

    public CsvLines(InputStream stream) {
        this.in = new java.io.BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
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
        if (c == 0) {
            throw new ImportException(Problem.MALFORMED, "binary data near line " + (line + 1));
        }
        return c;
    }

    private List<String> read() throws IOException {
        int c = nextChar();
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
            } else {
                field.append((char) c);
            }
            c = nextChar();
        }
    }

    private void add(List<String> fields, StringBuilder field) {
        if (fields.size() == MAX_FIELDS) {
            throw new ImportException(Problem.MALFORMED, "more than " + MAX_FIELDS + " fields on line " + recordLine);
        }
        fields.add(field.toString());
        field.setLength(0);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
