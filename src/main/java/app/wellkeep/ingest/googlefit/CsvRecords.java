package app.wellkeep.ingest.googlefit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import app.wellkeep.ingest.ImportException;
import app.wellkeep.ingest.ImportException.Problem;

/**
 * The records of a CSV file as RFC 4180 writes them (comma-separated, fields optionally in double quotes, a quote
 * inside a quoted field doubled, line breaks inside quotes kept), read one at a time from strictly decoded UTF-8.
 * Lines end in CRLF or LF; a UTF-8 byte-order mark at the start is dropped; blank lines are passed over.
 */
final class CsvRecords {

    /** Far longer than any record of a real export; a longer one is garbage or an attack. */
    static final int MAX_RECORD_CHARS = 64 * 1024;
    static final int MAX_FIELDS = 1024;

    private final Reader reader;
    private int line = 1;
    private long recordLine;
    private int pushedBack = -2;
    private boolean started;

    CsvRecords(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    /** The line the last record returned by {@link #next()} starts on, from 1. */
    long line() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the file. */
    List<String> next() {
        try {
            if (!started) {
                started = true;
                int first = read();
                if (first != '\uFEFF') {
                    unread(first);
                }
            }
            int c;
            do {
                c = read();
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        unread(after);
                    }
                    line++;
                    c = '\n';
                } else if (c == '\n') {
                    line++;
                }
            } while (c == '\n');
            if (c == -1) {
                return null;
            }
            unread(c);
            recordLine = line;
            return record();
        } catch (CharacterCodingException e) {
            throw new ImportException(Problem.NOT_UTF8, "not UTF-8 text at line " + line, e);
        } catch (IOException e) {
            throw new ImportException(Problem.MALFORMED, "unreadable at line " + line, e);
        }
    }

    private List<String> record() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int length = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = read();
            if (++length > MAX_RECORD_CHARS) {
                throw new ImportException(Problem.MALFORMED,
                        "record longer than " + MAX_RECORD_CHARS + " characters at line " + recordLine);
            }
            if (quoted) {
                if (c == -1) {
                    throw new ImportException(Problem.TRUNCATED, "ends inside a quoted field at line " + line);
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        unread(after);
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() > 0 || wasQuoted) {
                        throw new ImportException(Problem.MALFORMED, "a quote inside an unquoted field at line "
                                + line);
                    }
                    quoted = true;
                    wasQuoted = true;
                }
                case ',' -> {
                    add(fields, field);
                    field.setLength(0);
                    wasQuoted = false;
                }
                case '\r', '\n', -1 -> {
                    if (c == '\r') {
                        int after = read();
                        if (after != '\n') {
                            unread(after);
                        }
                    }
                    if (c != -1) {
                        line++;
                    }
                    add(fields, field);
                    return fields;
                }
                default -> {
                    if (wasQuoted) {
                        throw new ImportException(Problem.MALFORMED, "text after a closing quote at line " + line);
                    }
                    field.append((char) c);
                }
            }
        }
    }

    private void add(List<String> fields, StringBuilder field) {
        if (fields.size() == MAX_FIELDS) {
            throw new ImportException(Problem.MALFORMED, "more than " + MAX_FIELDS + " fields at line " + recordLine);
        }
        fields.add(field.toString());
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return reader.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
