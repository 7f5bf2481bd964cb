package app.wellkeep.ingest.openmhealth;

import app.wellkeep.ingest.Rejection;

/**
 * Thrown while a data point is checked, to stop at its first fault; the importer turns it into one rejection of
 * that data point. The detail names fields and rules only, never a value from the file.
 */
final class EntryRejected extends RuntimeException {

    private final Rejection reason;

    EntryRejected(Rejection reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    Rejection reason() {
        return reason;
    }

    String detail() {
        return getMessage();
    }

    static EntryRejected missing(String field) {
        return new EntryRejected(Rejection.MISSING_FIELD, "no " + field);
    }

    static EntryRejected invalid(String detail) {
        return new EntryRejected(Rejection.INVALID_FIELD, detail);
    }
}
