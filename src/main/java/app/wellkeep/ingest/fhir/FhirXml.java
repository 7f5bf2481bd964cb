package app.wellkeep.ingest.fhir;

import java.io.InputStream;
import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import app.wellkeep.ingest.ImportException;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.SafeXml;

/**
 * FHIR XML, streamed through {@link SafeXml}: a {@code Bundle} whose entries are read one at a time, or a single
 * resource. Each Observation or Device is copied, element by element, into a small standalone document for HAPI's
 * parser, so HAPI never sees the file itself: no DTD, no entity (those are refused while streaming) and nothing
 * deeper than {@link SafeXml#MAX_DEPTH}. Resources of other types are skipped over without being copied.
 * <p>
 * Positions: the number of the entry in the Bundle, from 1; 1 for a file holding a single resource.
 */
final class FhirXml {

    static final String NAMESPACE = "http://hl7.org/fhir";

    /**
     * The JDK's own writer, which declares whatever namespaces the copied elements use (the FHIR namespace is often
     * declared on the Bundle only, the narrative's XHTML one on its {@code div}).
     */
    private static final XMLOutputFactory OUTPUT = output();

    private final Resources resources;

    FhirXml(Resources resources) {
        this.resources = resources;
    }

    private static XMLOutputFactory output() {
        XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();
        factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
        return factory;
    }

    void read(InputStream in) {
        XMLStreamReader reader = SafeXml.open(in);
        try {
            if (!toElement(reader)) {
                throw new ImportException(Problem.EMPTY, "no root element");
            }
            if (!NAMESPACE.equals(reader.getNamespaceURI())) {
                throw new ImportException(Problem.UNSUPPORTED_FORMAT, "XML outside the FHIR namespace");
            }
            if ("Bundle".equals(reader.getLocalName())) {
                bundle(reader);
            } else {
                resource(reader, 1, null);
            }
            // The rest must still be well-formed: a file cut short or with a second root is refused whole.
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (XMLStreamException e) {
            throw SafeXml.problem(e);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // Nothing is left to read from it.
            }
        }
    }

    /** Moves to the root element past the prolog; false for a document without one. */
    private static boolean toElement(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    private void bundle(XMLStreamReader reader) throws XMLStreamException {
        long item = 0;
        while (child(reader)) {
            if (fhir(reader, "entry")) {
                entry(reader, ++item);
            } else {
                skip(reader);
            }
        }
    }

    /** An entry: its {@code fullUrl} comes before its {@code resource}, as the schema orders them. */
    private void entry(XMLStreamReader reader, long item) throws XMLStreamException {
        String fullUrl = null;
        while (child(reader)) {
            if (fhir(reader, "fullUrl")) {
                fullUrl = reader.getAttributeValue(null, "value");
                skip(reader);
            } else if (fhir(reader, "resource")) {
                boolean first = true;
                while (child(reader)) {
                    if (first) {
                        resource(reader, item, fullUrl);
                        first = false;
                    } else {
                        skip(reader);
                    }
                }
            } else {
                skip(reader);
            }
        }
    }

    /** One resource, the reader on its start; leaves the reader on its end. */
    private void resource(XMLStreamReader reader, long position, String fullUrl) throws XMLStreamException {
        String type = reader.getLocalName();
        if (!NAMESPACE.equals(reader.getNamespaceURI())) {
            skip(reader);
            resources.reject(position, Rejection.INVALID_FIELD, "resource outside the FHIR namespace");
        } else if (!Resources.read(type)) {
            skip(reader);
            resources.count(type, position);
        } else {
            Copy copy = copy(reader);
            if (copy.hugeExponent()) {
                resources.unreadable(type, position,
                        new Unreadable(Rejection.INVALID_FIELD, "number beyond any measurement"));
            } else {
                resources.xml(type, copy.xml(), position, fullUrl);
            }
        }
    }

    private record Copy(String xml, boolean hugeExponent) {
    }

    /** The element the reader is on, with all it holds, as a document of its own; leaves the reader on its end. */
    private static Copy copy(XMLStreamReader reader) throws XMLStreamException {
        StringWriter text = new StringWriter();
        XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(text);
        boolean hugeExponent = false;
        int depth = 0;
        int event = reader.getEventType();
        while (true) {
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    writer.writeStartElement(prefix(reader.getPrefix()), reader.getLocalName(),
                            namespace(reader.getNamespaceURI()));
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        String value = reader.getAttributeValue(i);
                        hugeExponent |= Resources.hugeExponent(value);
                        String namespace = reader.getAttributeNamespace(i);
                        if (namespace == null || namespace.isEmpty()) {
                            writer.writeAttribute(reader.getAttributeLocalName(i), value);
                        } else {
                            writer.writeAttribute(prefix(reader.getAttributePrefix(i)), namespace,
                                    reader.getAttributeLocalName(i), value);
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    writer.writeEndElement();
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text(reader,
                        writer);
                default -> {
                    // Comments and processing instructions carry nothing HAPI reads.
                }
            }
            if (depth == 0) {
                writer.close();
                return new Copy(text.toString(), hugeExponent);
            }
            event = reader.next();
        }
    }

    /**
     * Copies the text the reader is on. The parser reads text only when asked for it, and reports what is wrong
     * with it (a character XML does not allow) unchecked, past the guard on {@code next()}: it is turned back into
     * the parser's complaint here.
     */
    private static void text(XMLStreamReader reader, XMLStreamWriter writer) throws XMLStreamException {
        char[] characters;
        try {
            characters = reader.getTextCharacters();
        } catch (RuntimeException e) {
            throw e.getCause() instanceof XMLStreamException cause
                    ? cause
                    : new XMLStreamException(String.valueOf(e.getMessage()), e);
        }
        writer.writeCharacters(characters, reader.getTextStart(), reader.getTextLength());
    }

    private static String prefix(String prefix) {
        return prefix == null ? "" : prefix;
    }

    private static String namespace(String namespace) {
        return namespace == null ? "" : namespace;
    }

    /**
     * Moves to the next child element of the element the reader is in; false, on the parent's end, when there is
     * none. Only {@code next()} is used: the guarded reader checks depth and entities there.
     */
    private static boolean child(XMLStreamReader reader) throws XMLStreamException {
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
    }

    /** Past the end of the element the reader is on. */
    private static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static boolean fhir(XMLStreamReader reader, String name) {
        return name.equals(reader.getLocalName()) && NAMESPACE.equals(reader.getNamespaceURI());
    }
}
