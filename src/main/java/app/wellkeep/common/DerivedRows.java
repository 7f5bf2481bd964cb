package app.wellkeep.common;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Brings rows derived from others (summaries kept for fast pages) up to date for the people who have none yet: after
 * the upgrade that brought them, or after data was loaded around the application. A few hundred people per
 * transaction, so a large database is filled in short transactions.
 */
public final class DerivedRows {

    private static final int BATCH = 200;

    private DerivedRows() {
    }

    /** Runs {@code refresh} for each of the people {@code missing} names; returns how many. */
    public static int fill(Callable<List<UUID>> missing, Consumer<UUID> refresh) {
        List<UUID> people = QuarkusTransaction.requiringNew().call(missing);
        for (int from = 0; from < people.size(); from += BATCH) {
            List<UUID> batch = people.subList(from, Math.min(people.size(), from + BATCH));
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(refresh));
        }
        return people.size();
    }
}
