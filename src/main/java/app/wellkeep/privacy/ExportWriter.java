package app.wellkeep.privacy;

import java.io.IOException;

/** An {@link ExportSink} that writes one file format; {@link #finish()} completes the file. */
interface ExportWriter extends ExportSink {

    void finish() throws IOException;
}
