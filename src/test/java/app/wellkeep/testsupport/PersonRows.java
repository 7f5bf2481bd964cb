package app.wellkeep.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Rows anywhere in the schema that still point to a person. The tables and columns come from the database's own
 * catalogue, so a table added later is checked without anyone remembering to add it here.
 */
public final class PersonRows {

    private static final Set<Integer> TEXT = Set.of(Types.VARCHAR, Types.CHAR, Types.NVARCHAR, Types.NCHAR,
            Types.LONGVARCHAR, Types.LONGNVARCHAR);

    /** What was looked at and what was found. */
    public record Scan(List<String> uuidColumns, Map<String, Long> leftovers) {
    }

    private PersonRows() {
    }

    /**
     * Counts, per {@code table.column}, the rows whose UUID column holds the person's id (person.id, person_id,
     * patient_id, owner_id, ... whatever the name), or whose text column holds one of the given texts exactly
     * (their sign-in subject, their e-mail address).
     */
    public static Scan scan(DataSource dataSource, UUID personId, String... texts) throws SQLException {
        List<String> uuidColumns = new ArrayList<>();
        Map<String, Long> leftovers = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData catalogue = connection.getMetaData();
            String schema = connection.getSchema();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = catalogue.getTables(null, schema, "%", new String[]{"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (ResultSet columns = catalogue.getColumns(null, schema, table, "%")) {
                    while (columns.next()) {
                        String column = columns.getString("COLUMN_NAME");
                        String key = (table + "." + column).toLowerCase();
                        if ("uuid".equalsIgnoreCase(columns.getString("TYPE_NAME"))) {
                            uuidColumns.add(key);
                            count(connection, table, column, personId, key, leftovers);
                        } else if (TEXT.contains(columns.getInt("DATA_TYPE"))) {
                            for (String text : texts) {
                                count(connection, table, column, text, key, leftovers);
                            }
                        }
                    }
                }
            }
        }
        return new Scan(uuidColumns, leftovers);
    }

    private static void count(Connection connection, String table, String column, Object value, String key,
            Map<String, Long> leftovers) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + quote(table) + " WHERE " + quote(column) + " = ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, value);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                long found = result.getLong(1);
                if (found > 0) {
                    leftovers.merge(key, found, Long::sum);
                }
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
