package app.wellkeep.privacy;

import java.io.IOException;

/**
 * An {@link ExportSink} that writes one file format to a stream as the data arrives, keeping nothing of it once
 * written; {@link #finish()} completes the file (and may close the stream).
 */
interface ExportWriter extends ExportSink {

    void finish() throws IOException;
}
