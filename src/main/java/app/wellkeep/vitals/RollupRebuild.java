package app.wellkeep.vitals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import app.wellkeep.account.PersonService.TimeZoneChanged;

/** A move to another time zone moves the day boundaries: the daily figures are recounted in the same transaction. */
@ApplicationScoped
public class RollupRebuild {

    @Inject
    SampleService samples;

    void onZoneChange(@Observes TimeZoneChanged change) {
        samples.rebuildRollups(change.person());
    }
}
