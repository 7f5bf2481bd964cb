package app.wellkeep.privacy;

import java.util.List;
import java.util.Map;

/** Where a {@link PersonalData} section writes during an export; the format (FHIR, NDJSON, CSV) is the sink's. */
public interface ExportSink {

    /** One FHIR R4 resource, as its JSON tree (it must carry "resourceType" and "id"). */
    void resource(Map<String, Object> resource);

    /**
     * One row of the section's CSV table. The first call of a table fixes the header; values are written as text
     * and neutralised against spreadsheet formula injection by the sink. A table's rows come together, written by one
     * section: once another table has begun, the earlier one is finished (the CSV zip streams each table as one
     * file, so that no table of millions of rows is held in memory).
     */
    void row(String table, List<String> header, List<?> values);
}
