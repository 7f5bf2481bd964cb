package app.wellkeep.ingest.fhir;

import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.SafeJson;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;

/**
 * What becomes of one resource of a file, whichever syntax it came in: an Observation is parsed by HAPI and mapped
 * to readings, a Device is remembered for the Observations that cite it, any other resource type is counted as
 * skipped by its name. HAPI sees one resource at a time, never the file.
 */
final class Resources {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    /** The R4 resource type names: a name outside them is no FHIR resource, and is not echoed into the counts. */
    static final Set<String> TYPES = Set.copyOf(FHIR.getResourceTypes());

    /**
     * A decimal written with an exponent far beyond any measurement. HAPI's {@code DecimalType} writes the number
     * out in full as it reads it, so {@code 1e999999999} alone would fill the memory; such text never reaches it.
     */
    private static final Pattern EXPONENT = Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)[eE][+-]?0*(\\d+)\\s*");
    private static final int MAX_EXPONENT = 400;

    private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d{1,5}");
    private static final Pattern ELEMENT = Pattern.compile("\\[element=\"([A-Za-z\\[\\]]{1,40})\"\\]");

    private final ReadingSink sink;
    private final ObservationReadings observations;
    private final DeviceNames devices = new DeviceNames();
    private final IParser json = FHIR.newJsonParser();
    private final IParser xml = FHIR.newXmlParser();

    Resources(ReadingSink sink, ZoneId zone) {
        this.sink = sink;
        this.observations = new ObservationReadings(sink, zone, devices);
        // Unknown elements (extensions of newer versions, vendor fields) are ignored, and nothing is logged: a
        // parser's log line would carry values from the file.
        LenientErrorHandler quiet = new LenientErrorHandler(false);
        json.setParserErrorHandler(quiet);
        xml.setParserErrorHandler(quiet);
    }

    /** Whether a resource of this type is read (an Observation, a Device) rather than only counted. */
    static boolean read(String type) {
        return "Observation".equals(type) || "Device".equals(type);
    }

    /** One resource from a JSON file, as a tree. */
    void json(String type, JsonNode resource, long position, String fullUrl) {
        if (!read(type)) {
            count(type, position);
            return;
        }
        if (hugeExponent(resource)) {
            unreadable(type, position, new Unreadable(Rejection.INVALID_FIELD, "number beyond any measurement"));
            return;
        }
        String text;
        try {
            text = SafeJson.MAPPER.writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            unreadable(type, position, new Unreadable(Rejection.INVALID_FIELD, "resource cannot be read"));
            return;
        }
        parsed(type, text, json, position, fullUrl);
    }

    /** One resource from an XML file, as a standalone document that holds no DTD and no entity. */
    void xml(String type, String resource, long position, String fullUrl) {
        parsed(type, resource, xml, position, fullUrl);
    }

    void reject(long position, Rejection reason, String detail) {
        sink.rejected(position, reason, detail);
    }

    /** A resource of a type that is not read: counted by its name if it is a FHIR type. */
    void count(String type, long position) {
        if (TYPES.contains(type)) {
            sink.skipped(type);
        } else {
            sink.rejected(position, Rejection.INVALID_FIELD, "not a FHIR R4 resource type");
        }
    }

    private void parsed(String type, String text, IParser parser, long position, String fullUrl) {
        try {
            if ("Observation".equals(type)) {
                observations.read(parse(parser, Observation.class, text), position);
            } else {
                devices.remember(parse(parser, Device.class, text), fullUrl);
                sink.skipped(type);
            }
        } catch (Unreadable e) {
            unreadable(type, position, e);
        }
    }

    void unreadable(String type, long position, Unreadable e) {
        if ("Observation".equals(type)) {
            sink.rejected(position, e.reason(), e.detail());
        } else {
            // A Device is not kept: one that cannot be read only goes unnamed.
            sink.skipped(type);
        }
    }

    private static <T extends IBaseResource> T parse(IParser parser, Class<T> type, String text) throws Unreadable {
        try {
            return parser.parseResource(type, text);
        } catch (DataFormatException e) {
            throw new Unreadable(reason(e), detail(e));
        } catch (RuntimeException e) {
            // HAPI fails on some malformed content with other unchecked exceptions; one resource must not end the
            // file, and nothing of the message (values) is kept.
            throw new Unreadable(Rejection.INVALID_FIELD, "not a valid FHIR " + type.getSimpleName());
        }
    }

    /** A time HAPI refused is a time that cannot be read; anything else is an invalid field. */
    private static Rejection reason(DataFormatException e) {
        Matcher element = ELEMENT.matcher(String.valueOf(e.getMessage()));
        if (element.find()) {
            String name = element.group(1);
            if (name.startsWith("effective") || name.equals("start") || name.equals("end")) {
                return Rejection.BAD_TIME;
            }
        }
        return Rejection.INVALID_FIELD;
    }

    /** HAPI's message code and the element it names, never the value it quotes. */
    private static String detail(DataFormatException e) {
        String message = String.valueOf(e.getMessage());
        Matcher code = HAPI_CODE.matcher(message);
        Matcher element = ELEMENT.matcher(message);
        return "not valid FHIR" + (element.find() ? " in element " + element.group(1) : "")
                + (code.find() ? " (" + code.group() + ")" : "");
    }

    static boolean hugeExponent(String text) {
        if (text == null || text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            return false;
        }
        Matcher number = EXPONENT.matcher(text);
        return number.matches() && (number.group(2).length() > 4 || Integer.parseInt(number.group(2)) > MAX_EXPONENT);
    }

    private static boolean hugeExponent(JsonNode node) {
        if (node.isTextual()) {
            return hugeExponent(node.textValue());
        }
        if (node.isBigDecimal()) {
            return Math.abs(node.decimalValue().scale()) > MAX_EXPONENT;
        }
        if (node.isDouble() || node.isFloat()) {
            return !Double.isFinite(node.doubleValue());
        }
        // The values of an object, the elements of an array.
        for (JsonNode child : node) {
            if (hugeExponent(child)) {
                return true;
            }
        }
        return false;
    }
}
