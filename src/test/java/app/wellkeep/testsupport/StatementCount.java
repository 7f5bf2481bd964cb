package app.wellkeep.testsupport;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import io.quarkus.arc.Arc;

/**
 * How many SQL statements Hibernate prepares while something runs (an HTTP request to the app under test, which
 * runs in the same JVM): the way to show a page costs a fixed number of queries, however much data there is. A JDBC
 * batch counts once. Statements sent on a raw JDBC connection would not be seen; pages send none
 * ({@code common/SqlRows} goes through the session).
 */
public final class StatementCount {

    private StatementCount() {
    }

    /** The statements prepared while {@code action} runs; nothing else may use the database meanwhile. */
    public static long of(Runnable action) {
        Statistics statistics = statistics();
        long before = statistics.getPrepareStatementCount();
        action.run();
        return statistics.getPrepareStatementCount() - before;
    }

    private static Statistics statistics() {
        Statistics statistics = Arc.container().instance(EntityManagerFactory.class).get()
                .unwrap(SessionFactory.class).getStatistics();
        // Off by default (it costs a little on every statement); counted only while a test asks for it.
        statistics.setStatisticsEnabled(true);
        return statistics;
    }
}
