package app.wellkeep.ingest.apple;

import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.typed.TypedValueDecoder;
import org.codehaus.stax2.typed.TypedXMLStreamReader;

/**
 * An attribute's value read in place, in the parser's own buffer, without making a String of it: an export has
 * millions of records with half a dozen attributes each, and those Strings were most of what the import allocated.
 * Valid until the reader moves on. Hashes and compares like a String of the same text, so it can look up a map keyed
 * by Strings; {@link #canonical} hands out one String per distinct text (source names, units).
 * <p>
 * The parser trims white space around the value, as it does for every typed read.
 */
final class AttributeText extends TypedValueDecoder implements CharSequence {

    private static final char[] NONE = new char[0];
    /** Distinct texts kept by {@link #canonical}; past this, each is a String of its own. */
    private static final int CANONICAL_LIMIT = 1024;

    private final Map<String, String> canonical = new HashMap<>();
    private char[] buffer = NONE;
    private int start;
    private int end;

    /** Reads attribute {@code index} of the current element; false when it is empty. */
    boolean read(TypedXMLStreamReader xml, int index) throws XMLStreamException {
        xml.getAttributeAs(index, this);
        return end > start;
    }

    @Override
    public void decode(String input) {
        decode(input.toCharArray(), 0, input.length());
    }

    @Override
    public void decode(char[] chars, int from, int to) {
        buffer = chars;
        start = from;
        end = to;
    }

    @Override
    public void handleEmptyValue() {
        buffer = NONE;
        start = 0;
        end = 0;
    }

    /** The text as a String, one instance per distinct text (a few sources and units across a whole export). */
    String canonical() {
        String known = canonical.get(this);
        if (known != null) {
            return known;
        }
        String text = toString();
        if (canonical.size() < CANONICAL_LIMIT) {
            canonical.put(text, text);
        }
        return text;
    }

    /**
     * The value as a number. Plain decimals of up to 15 significant digits, as devices write them, are exact as an
     * integer divided by a power of ten (both exact doubles, so the one division rounds correctly); anything else
     * goes to {@link Double#parseDouble}, which also refuses what is not a number.
     */
    double toDouble() {
        int i = start;
        boolean negative = false;
        if (i < end && (buffer[i] == '-' || buffer[i] == '+')) {
            negative = buffer[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        boolean any = false;
        for (; i < end; i++) {
            char c = buffer[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (mantissa != 0 || c != '0') {
                    digits++;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
                if (digits > 15) {
                    return Double.parseDouble(toString());
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.parseDouble(toString());
            }
        }
        if (!any || fraction > 22) {
            return Double.parseDouble(toString());
        }
        double value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
        return negative ? -value : value;
    }

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        return buffer[start + index];
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return toString().substring(from, to);
    }

    @Override
    public String toString() {
        return new String(buffer, start, end - start);
    }

    /** The same as {@link String#hashCode()} of the text. */
    @Override
    public int hashCode() {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + buffer[i];
        }
        return h;
    }

    /** Equal to any CharSequence (a String as a map's key) with the same text. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof CharSequence text) || text.length() != end - start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (buffer[i] != text.charAt(i - start)) {
                return false;
            }
        }
        return true;
    }
}
