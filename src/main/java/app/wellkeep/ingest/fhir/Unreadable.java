package app.wellkeep.ingest.fhir;

import app.wellkeep.ingest.Rejection;

/** One resource that cannot be read, on its way from deep inside the mapping to {@code sink.rejected}. */
final class Unreadable extends Exception {

    private final Rejection reason;

    Unreadable(Rejection reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    Rejection reason() {
        return reason;
    }

    String detail() {
        return getMessage();
    }
}
