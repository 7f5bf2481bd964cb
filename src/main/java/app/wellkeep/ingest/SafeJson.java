package app.wellkeep.ingest;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.wellkeep.ingest.ImportException.Problem;

/**
 * The one way importers read JSON: streaming, strict (no comments, no NaN, no duplicate keys), with limits on
 * nesting, string and number length far above any real export, and errors turned into {@link ImportException}.
 */
public final class SafeJson {

    public static final int MAX_DEPTH = 64;
    /** Longer than any field of a real export; a longer one is an attack or garbage. */
    public static final int MAX_STRING = 1 << 20;
    public static final int MAX_NUMBER = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING).maxNumberLength(MAX_NUMBER).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** For reading one small item (an entry, a data point) as a tree once the stream is positioned on it. */
    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private SafeJson() {
    }

    /** A parser over UTF-8 bytes; UTF-16 and UTF-32 are refused as not UTF-8. */
    public static JsonParser open(InputStream in) throws IOException {
        return FACTORY.createParser(new Utf8Only(in));
    }

    /** What a parser's complaint means for the person who uploaded the file. */
    public static ImportException problem(IOException e) {
        if (e instanceof ImportException.Carrier carrier) {
            return carrier.exception();
        }
        String where = e instanceof JsonProcessingException p && p.getLocation() != null
                ? " at line " + p.getLocation().getLineNr()
                : "";
        if (e instanceof StreamConstraintsException) {
            String message = String.valueOf(e.getMessage()).toLowerCase();
            return message.contains("nesting")
                    ? new ImportException(Problem.TOO_DEEP, "nested deeper than " + MAX_DEPTH + where, e)
                    : new ImportException(Problem.MALFORMED, "value longer than allowed" + where, e);
        }
        // A file that stops between two entries ("[{...},") ends in a plain parse error, not an end-of-file one.
        if (e instanceof JsonEOFException || String.valueOf(e.getMessage()).contains("end-of-input")) {
            return new ImportException(Problem.TRUNCATED, "ends early" + where, e);
        }
        if (e instanceof CharConversionException
                || String.valueOf(e.getMessage()).toLowerCase().contains("utf-8")
                || String.valueOf(e.getMessage()).toLowerCase().contains("invalid utf")) {
            return new ImportException(Problem.NOT_UTF8, "not UTF-8 text" + where, e);
        }
        if (e instanceof JsonParseException || e instanceof JsonProcessingException) {
            return new ImportException(Problem.MALFORMED, "not well-formed JSON" + where, e);
        }
        return new ImportException(Problem.MALFORMED, "unreadable" + where, e);
    }

    /** Refuses a byte-order mark of UTF-16 or UTF-32, which the parser would otherwise decode. */
    private static final class Utf8Only extends java.io.FilterInputStream {

        private boolean checked;

        Utf8Only(InputStream in) {
            super(in.markSupported() ? in : new java.io.BufferedInputStream(in));
        }

        private void check() throws IOException {
            if (checked) {
                return;
            }
            checked = true;
            in.mark(4);
            byte[] head = in.readNBytes(2);
            in.reset();
            if (head.length == 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                    || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || head[0] == 0 || head[1] == 0)) {
                throw new ImportException.Carrier(new ImportException(Problem.NOT_UTF8, "UTF-16 or UTF-32 text"));
            }
        }

        @Override
        public int read() throws IOException {
            check();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            return super.read(b, off, len);
        }
    }
}
