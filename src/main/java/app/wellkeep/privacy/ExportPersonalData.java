package app.wellkeep.privacy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** The person's exports: files of their own data, so erasure removes them with the rest. */
@ApplicationScoped
public class ExportPersonalData implements PersonalData {

    @Override
    public String section() {
        return "exports";
    }

    @Override
    public void export(UUID personId, ExportSink sink) {
        // An export holds nothing but the data of the other sections; a copy of copies would only grow.
    }

    /** The files go with their jobs (their chunks cascade), inside the erasure's one transaction. */
    @Override
    public long erase(UUID personId) {
        return ExportJob.delete("personId", personId);
    }
}
