package app.wellkeep.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * One source format (Apple Health, FHIR, Open mHealth, a wearable's export, CSV). An upload is a single file or an
 * archive of files; each file goes to the first importer that {@linkplain #reads reads} it, and files that none
 * reads are counted as skipped. Importers stream: they never hold a whole file in memory.
 */
public interface Importer {

    /** How an importer numbers the {@code position} of what it reports. */
    enum Positions {
        LINE, ITEM
    }

    /** A short stable name, stored with each import ("apple-health"). */
    String format();

    /**
     * Whether this importer reads a file of this name (the path inside an archive) that begins with these bytes: up
     * to {@link #HEAD_BYTES}, fewer for a shorter file.
     */
    boolean reads(String fileName, byte[] head);

    /**
     * Reads one file to its end, reporting to {@code sink}. Throws {@link ImportException} for a file it cannot read
     * at all (broken, hostile, not what it looked like); entries it cannot read go to {@link ReadingSink#rejected}.
     */
    void read(ImportContext context, InputStream in, ReadingSink sink) throws IOException;

    default Positions positions() {
        return Positions.LINE;
    }

    int HEAD_BYTES = 4096;
}
