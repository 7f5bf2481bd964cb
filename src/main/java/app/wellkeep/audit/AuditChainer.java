package app.wellkeep.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/**
 * Links recorded access-log events into their patients' hash chains, every second: off the request, so reads never
 * wait on a chain's head. Events recorded before a stop are linked after the next start.
 */
@ApplicationScoped
public class AuditChainer {

    @Inject
    AuditLog audit;

    @Scheduled(every = "${wellkeep.audit.chain-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void link() {
        audit.chainPending();
    }
}
