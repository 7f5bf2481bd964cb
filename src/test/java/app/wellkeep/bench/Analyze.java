package app.wellkeep.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * What autovacuum does on a production server, for the benchmark's database (which may run without it): the
 * planner's statistics after a bulk load, without which PostgreSQL plans for empty tables; and the dead row versions
 * of tables updated in place under load, which pile up on a hot row and slow every later read of it.
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

    /** Reclaims the dead row versions of {@code tables}, as autovacuum does a minute or so after many updates. */
    static void vacuum(String jdbcUrl, String user, String password, String... tables) throws Exception {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            return;
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = db.createStatement()) {
            for (String table : tables) {
                statement.execute("VACUUM " + table);
            }
        }
    }
}
