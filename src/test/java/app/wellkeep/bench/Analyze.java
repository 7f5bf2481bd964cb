package app.wellkeep.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Refreshes the planner's statistics after a benchmark's bulk load, as autovacuum does on a production server a
 * minute after such a load: without them PostgreSQL plans for empty tables, and the figures measure those plans.
 */
final class Analyze {

    private Analyze() {
    }

    static void database(String jdbcUrl, String user, String password) throws Exception {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            return;
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = db.createStatement()) {
            statement.execute("ANALYZE");
        }
    }
}
