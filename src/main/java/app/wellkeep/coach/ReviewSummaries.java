package app.wellkeep.coach;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import app.wellkeep.common.DerivedRows;

/** Writes the {@link ReviewSummary} of every patient with reviews and none yet, at start. */
@ApplicationScoped
public class ReviewSummaries {

    private static final Logger LOG = Logger.getLogger(ReviewSummaries.class);

    void onStart(@Observes StartupEvent start) {
        int filled = fillMissing();
        if (filled > 0) {
            LOG.infof("Review summaries written for %d patients", filled);
        }
    }

    /** Writes the missing summaries; returns how many. */
    public int fillMissing() {
        return DerivedRows.fill(ReviewSummary::missing, ReviewSummary::refresh);
    }
}
