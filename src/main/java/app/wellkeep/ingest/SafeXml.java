package app.wellkeep.ingest;

import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

import org.codehaus.stax2.typed.TypedXMLStreamReader;

import com.fasterxml.aalto.stax.InputFactoryImpl;

import app.wellkeep.ingest.ImportException.Problem;

/**
 * The one way importers read XML: streaming (StAX), UTF-8 only, no DTD processing and no entities, so an external
 * entity (XXE) or an entity bomb is refused at its first reference while a file with an inline DTD (Apple Health
 * writes one, malformed in some versions) still reads; and no deeper than {@link #MAX_DEPTH} elements.
 */
public final class SafeXml {

    /** Deeper than any export Wellkeep reads (Apple Health: 4, a FHIR Bundle: about 12). */
    public static final int MAX_DEPTH = 64;

    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    /** A reader of the stream that refuses entities and too deep nesting; errors come as {@link ImportException}. */
    public static XMLStreamReader open(InputStream in) {
        try {
            return new Guarded(FACTORY.createXMLStreamReader(in, "UTF-8"));
        } catch (XMLStreamException e) {
            throw problem(e);
        }
    }

    /** What a parser's complaint means for the person who uploaded the file. */
    /**
     * The typed view (Stax2) of a reader from {@link #open}, for reading attribute values in place: attributes need
     * none of the guard's checks, which are about elements and entities.
     */
    public static TypedXMLStreamReader typed(XMLStreamReader reader) {
        XMLStreamReader parser = reader instanceof Guarded guarded ? guarded.getParent() : reader;
        return (TypedXMLStreamReader) parser;
    }

    public static ImportException problem(XMLStreamException e) {
        // A limit hit while the parser was reading (a zip bomb's ratio, say) arrives wrapped in the parser's error.
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 10; depth++) {
            if (cause instanceof ImportException.Carrier carrier) {
                return carrier.exception();
            }
            if (cause instanceof ImportException carried) {
                return carried;
            }
            cause = cause.getCause() != null
                    ? cause.getCause()
                    : cause instanceof XMLStreamException x ? x.getNestedException() : null;
        }
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase();
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
        if (lower.contains("entity")) {
            return new ImportException(Problem.ENTITIES, "entity reference" + where, e);
        }
        if (lower.contains("utf-8") || lower.contains("encoding") || nonAsciiCharacter(lower)) {
            return new ImportException(Problem.NOT_UTF8, "not UTF-8 text" + where, e);
        }
        if (lower.contains("end-of-input") || lower.contains("end of input") || lower.contains("eof")) {
            return new ImportException(Problem.TRUNCATED, "ends early" + where, e);
        }
        return new ImportException(Problem.MALFORMED, "not well-formed" + where, e);
    }

    /** The parser met a byte sequence that is no UTF-8 character (Latin-1 text reads as such). */
    private static boolean nonAsciiCharacter(String message) {
        Matcher code = ILLEGAL_CHARACTER.matcher(message);
        return code.find() && Integer.parseInt(code.group(1)) >= 0x80;
    }

    /** Aalto writes "Illegal XML character ('ü' (code 252))" or "((CTRL-CHAR, code 148))". */
    private static final Pattern ILLEGAL_CHARACTER = Pattern
            .compile("(?:illegal xml character|ctrl-char).*?code (\\d+)");

    /** Counts depth and turns entity references into a refusal, whatever the parser would make of them. */
    private static final class Guarded extends StreamReaderDelegate {

        private int depth;

        Guarded(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event;
            try {
                event = super.next();
            } catch (XMLStreamException | ImportException e) {
                throw e;
            } catch (RuntimeException e) {
                // Some parser errors arrive unchecked (wrapped I/O, bad bytes).
                throw new XMLStreamException(String.valueOf(e.getMessage()), e);
            }
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth > MAX_DEPTH) {
                        throw new ImportException(Problem.TOO_DEEP,
                                "deeper than " + MAX_DEPTH + " at line " + getLocation().getLineNumber());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new ImportException(Problem.ENTITIES,
                        "entity reference at line " + getLocation().getLineNumber());
                default -> {
                    // Text, comments, the DTD (skipped unread) and the rest need no check.
                }
            }
            return event;
        }

        /** Through {@link #next()}, so that depth and entities are checked here too. */
        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while (event == XMLStreamConstants.CHARACTERS && isWhiteSpace() || event == XMLStreamConstants.SPACE
                    || event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
                event = next();
            }
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                throw new XMLStreamException("expected an element", getLocation());
            }
            return event;
        }

        /** Through {@link #next()}, for the same reason. */
        @Override
        public String getElementText() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            for (int event = next(); event != XMLStreamConstants.END_ELEMENT; event = next()) {
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text
                            .append(getText());
                    case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                        // Not text.
                    }
                    default -> throw new XMLStreamException("an element inside text", getLocation());
                }
                if (text.length() > SafeJson.MAX_STRING) {
                    throw new ImportException(Problem.MALFORMED, "text longer than allowed");
                }
            }
            return text.toString();
        }

        /** The parser reads text lazily: its errors come from here, unchecked. */
        @Override
        public String getText() {
            try {
                return super.getText();
            } catch (RuntimeException e) {
                throw unreadableText(e);
            }
        }

        @Override
        public char[] getTextCharacters() {
            try {
                return super.getTextCharacters();
            } catch (RuntimeException e) {
                throw unreadableText(e);
            }
        }

        @Override
        public int getTextLength() {
            try {
                return super.getTextLength();
            } catch (RuntimeException e) {
                throw unreadableText(e);
            }
        }

        @Override
        public int getTextStart() {
            try {
                return super.getTextStart();
            } catch (RuntimeException e) {
                throw unreadableText(e);
            }
        }

        private static ImportException unreadableText(RuntimeException e) {
            if (e instanceof ImportException carried) {
                return carried;
            }
            return problem(new XMLStreamException(String.valueOf(e.getMessage()), e));
        }
    }
}
