package app.wellkeep.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Newline-delimited JSON as in FHIR bulk data: one resource per line (compact JSON never holds a raw newline). */
class NdjsonWriter implements ExportWriter {

    private final OutputStream out;
    private final ObjectMapper json;

    NdjsonWriter(OutputStream out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void resource(Map<String, Object> resource) {
        try {
            out.write(json.writeValueAsBytes(resource));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(String table, List<String> header, List<?> values) {
        // Tables are for the CSV format; the same data arrives here as resources.
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
