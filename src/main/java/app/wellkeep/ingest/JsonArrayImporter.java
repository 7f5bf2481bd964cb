package app.wellkeep.ingest;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * An importer of one kind of file of a wearable's export that is a single JSON array of entries (read with
 * {@link JsonEntries#array}): known by its file name and by a field its entries have; positions are the entries'
 * numbers.
 */
public abstract class JsonArrayImporter implements Importer {

    private final String format;
    private final Pattern fileName;
    private final String marker;

    /** {@code fileName} is matched against the name without its folders. */
    protected JsonArrayImporter(String format, Pattern fileName, String marker) {
        this.format = format;
        this.fileName = fileName;
        this.marker = marker;
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public Positions positions() {
        return Positions.ITEM;
    }

    /** Whether the file has that name and begins as an array with the marker field in it, or an empty one. */
    @Override
    public boolean reads(String fileName, byte[] head) {
        if (!this.fileName.matcher(fileName.substring(fileName.lastIndexOf('/') + 1)).matches()) {
            return false;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).strip();
        return text.startsWith("[")
                && (text.contains("\"" + marker + "\"") || text.substring(1).strip().startsWith("]"));
    }
}
