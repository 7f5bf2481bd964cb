package app.wellkeep.privacy;

import java.util.UUID;

/**
 * What one feature keeps about a person, for the data-rights functions. Every feature that stores rows about a
 * person provides one bean of this type, so export and erasure find all of it without knowing the feature's
 * tables; the erasure test checks every table of the schema for leftovers.
 */
public interface PersonalData {

    /** Short stable name of the section, e.g. "check-ins"; used in file names inside an export. */
    String section();

    /** Sections run in ascending order on erasure; the account itself goes last. */
    default int erasureOrder() {
        return 100;
    }

    /** Writes everything this feature holds about the person. Called inside a transaction. */
    void export(UUID personId, ExportSink sink);

    /**
     * Removes (or, for the access log, pseudonymises) everything this feature holds about the person, and returns
     * the number of rows touched. Called inside the erasure's single transaction.
     */
    long erase(UUID personId);
}
