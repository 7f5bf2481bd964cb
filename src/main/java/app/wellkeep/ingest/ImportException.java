package app.wellkeep.ingest;

/**
 * A file that cannot be imported at all. The import stores nothing of it; the page and the API say why, with the
 * problem's HTTP status and text. {@code detail} is for the log (a line number, a limit), never a value from the file.
 */
public class ImportException extends RuntimeException {

    /** What is wrong with the file, with the HTTP status an upload answering it gets. */
    public enum Problem {

        /** The upload is larger than the upload limit. */
        TOO_LARGE(413),
        /** An archive with more entries than allowed. */
        TOO_MANY_ENTRIES(413),
        /** An archive that unpacks to more than allowed. */
        UNPACKED_TOO_LARGE(413),
        /** An archive entry compressed far more than real data compresses: a zip bomb. */
        COMPRESSION_RATIO(413),
        /** An archive entry whose name climbs out of the archive ("../") or is absolute. */
        UNSAFE_PATH(422),
        /** An archive inside the archive. */
        NESTED_ARCHIVE(422),
        /** Not a format Wellkeep reads. */
        UNSUPPORTED_FORMAT(415),
        /** Not well-formed in its own format (broken XML, JSON or CSV). */
        MALFORMED(422),
        /** XML that declares or uses entities (XXE, "billion laughs"). */
        ENTITIES(422),
        /** Nested deeper than any real export. */
        TOO_DEEP(422),
        /** Text that is not UTF-8. */
        NOT_UTF8(422),
        /** The file ends in the middle. */
        TRUNCATED(422),
        /** Nothing in it at all. */
        EMPTY(422);

        private final int status;

        Problem(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Problem problem;

    public ImportException(Problem problem, String detail) {
        super(problem + ": " + detail);
        this.problem = problem;
    }

    public ImportException(Problem problem, String detail, Throwable cause) {
        super(problem + ": " + detail, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** Carries an import problem through code that only passes {@link java.io.IOException} on (a stream). */
    public static final class Carrier extends java.io.IOException {

        private final ImportException exception;

        public Carrier(ImportException exception) {
            super(exception.getMessage(), exception);
            this.exception = exception;
        }

        public ImportException exception() {
            return exception;
        }
    }
}
