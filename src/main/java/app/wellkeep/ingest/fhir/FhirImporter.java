package app.wellkeep.ingest.fhir;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.ImportException;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.Importer;
import app.wellkeep.ingest.ReadingSink;

/**
 * HL7 FHIR R4 Observations: a Bundle of any type (collection, transaction, searchset...) in JSON or XML, NDJSON as
 * bulk data export writes it, or a single resource. Vital signs and activity Observations become readings by their
 * LOINC code ({@link ObservationReadings}); every other resource (Patient, Encounter, Condition...) is counted as
 * skipped by its type, and so is a single file holding one.
 * <p>
 * Positions are {@linkplain Positions#ITEM items}: a Bundle's entries count from 1; in NDJSON each line is an item
 * and its number is the line's.
 */
public final class FhirImporter implements Importer {

    private static final Pattern RESOURCE_TYPE = Pattern.compile("\"resourceType\"\\s*:\\s*\"[A-Z][A-Za-z]*\"");
    private static final Pattern XML_ROOT = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?(Bundle|Observation)[\\s/>]");

    @Override
    public String format() {
        return "fhir";
    }

    @Override
    public Positions positions() {
        return Positions.ITEM;
    }

    @Override
    public boolean reads(String fileName, byte[] head) {
        if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".ndjson")) {
            return true;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        int start = start(text);
        if (text.startsWith("{", start)) {
            return RESOURCE_TYPE.matcher(text).find();
        }
        return text.startsWith("<", start) && fhirXmlRoot(text, start);
    }

    @Override
    public void read(ImportContext context, InputStream in, ReadingSink sink) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(HEAD_BYTES);
        byte[] head = buffered.readNBytes(HEAD_BYTES);
        buffered.reset();
        if (utf16or32(head)) {
            throw new ImportException(Problem.NOT_UTF8, "UTF-16 or UTF-32 text");
        }
        String text = new String(head, StandardCharsets.UTF_8);
        int start = start(text);
        if (start == text.length() && head.length < HEAD_BYTES) {
            throw new ImportException(Problem.EMPTY, "nothing but white space");
        }
        Resources resources = new Resources(sink, context.zone());
        if (text.startsWith("<", start)) {
            new FhirXml(resources).read(buffered);
        } else {
            new FhirJson(resources).read(buffered);
        }
    }

    /** Where the content begins, past a byte-order mark and white space. */
    private static int start(String text) {
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean utf16or32(byte[] head) {
        return head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || head[0] == 0 || head[1] == 0);
    }

    /**
     * Whether the first element, past the XML declaration, comments and a DOCTYPE, is a Bundle or an Observation in
     * the FHIR namespace (declared on it: FHIR XML declares it on the root).
     */
    private static boolean fhirXmlRoot(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int open = text.indexOf('<', i);
            if (open < 0) {
                return false;
            }
            if (text.startsWith("<?", open)) {
                i = after(text, "?>", open);
            } else if (text.startsWith("<!--", open)) {
                i = after(text, "-->", open);
            } else if (text.startsWith("<!", open)) {
                int bracket = text.indexOf('[', open);
                int close = text.indexOf('>', open);
                i = bracket >= 0 && bracket < close ? after(text, "]>", open) : after(text, ">", open);
            } else {
                int end = text.indexOf('>', open);
                String tag = end < 0 ? text.substring(open) : text.substring(open, end + 1);
                return XML_ROOT.matcher(tag).lookingAt() && (tag.contains(FhirXml.NAMESPACE + "\"")
                        || tag.contains(FhirXml.NAMESPACE + "'"));
            }
            if (i < 0) {
                return false;
            }
        }
        return false;
    }

    private static int after(String text, String end, int from) {
        int at = text.indexOf(end, from);
        return at < 0 ? -1 : at + end.length();
    }
}
