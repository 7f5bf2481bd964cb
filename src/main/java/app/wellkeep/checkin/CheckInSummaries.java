package app.wellkeep.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import app.wellkeep.common.DerivedRows;

/** Writes the {@link CheckInSummary} of everyone with check-ins and none yet, at start. */
@ApplicationScoped
public class CheckInSummaries {

    private static final Logger LOG = Logger.getLogger(CheckInSummaries.class);

    void onStart(@Observes StartupEvent start) {
        int filled = fillMissing();
        if (filled > 0) {
            LOG.infof("Check-in summaries written for %d people", filled);
        }
    }

    /** Writes the missing summaries; returns how many. */
    public int fillMissing() {
        return DerivedRows.fill(CheckInSummary::missing, CheckInSummary::refresh);
    }
}
