package app.wellkeep.bench;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestIdentityAssociation;
import io.quarkus.test.security.TestSecurity;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.checkin.CheckIn;
import app.wellkeep.checkin.CheckInService;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.consent.ConsentGate;
import app.wellkeep.consent.ConsentGate.Purpose;

/**
 * What the consent gate and its audit write add to a request: the same 90-day check-in read, timed with and without
 * the gate, interleaved so that both see the same machine noise. Prints p50/p95/p99 and the p95 difference; run with
 * {@code ./mvnw verify -Pbench}. Never part of the test suite.
 */
@QuarkusTest
@Tag("bench")
class ConsentGateBench {

    static final int WARMUP = 2_000;
    static final int ROUNDS = 10_000;

    @Inject
    ConsentGate gate;

    @Inject
    CheckInService checkIns;

    @Test
    @TestSecurity(user = "bench", roles = "patient")
    void gateAndAuditCost() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Person patient = ConsentFixture.person("bench-patient-" + run, Role.PATIENT);
        Person coach = ConsentFixture.person("bench-coach-" + run, Role.COACH);
        for (int day = 0; day < 90; day++) {
            ConsentFixture.checkIn(patient, ConsentFixture.today().minusDays(day), "note " + day);
        }
        ConsentFixture.grant(patient, coach, null, EnumSet.of(Category.CHECK_INS), null, null, null);

        // In process: one transaction reading 90 days, with and without the gate deciding and logging first.
        long[] plain = new long[ROUNDS];
        long[] gated = new long[ROUNDS];
        for (int i = -WARMUP; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            QuarkusTransaction.requiringNew()
                    .call(() -> CheckIn.between(patient.id, ConsentFixture.today().minusDays(89),
                            ConsentFixture.today()).size());
            long t1 = System.nanoTime();
            QuarkusTransaction.requiringNew().call(() -> gate.check(coach, patient.id, Category.CHECK_INS, Purpose.API)
                    .map(a -> checkIns.sharedCheckIns(a, a.today().minusDays(89), a.today()).size()).orElseThrow());
            long t2 = System.nanoTime();
            if (i >= 0) {
                plain[i] = t1 - t0;
                gated[i] = t2 - t1;
            }
        }
        report("in-process read of 90 check-ins", plain, gated);

        // Over HTTP: the owner's API (no gate) against the coach's API for the same data (gate and audit write).
        int httpRounds = ROUNDS / 5;
        long[] ownerHttp = new long[httpRounds];
        long[] coachHttp = new long[httpRounds];
        String shared = "/api/patients/" + patient.id + "/check-ins";
        for (int i = -WARMUP / 4; i < httpRounds; i++) {
            actAs(patient);
            long t0 = System.nanoTime();
            given().get("/api/check-ins").then().statusCode(200);
            long t1 = System.nanoTime();
            actAs(coach);
            given().get(shared).then().statusCode(200);
            long t2 = System.nanoTime();
            if (i >= 0) {
                ownerHttp[i] = t1 - t0;
                coachHttp[i] = t2 - t1;
            }
        }
        report("HTTP GET of 90 check-ins", ownerHttp, coachHttp);
    }

    private static void actAs(Person person) {
        Arc.container().instance(TestIdentityAssociation.class).get()
                .setTestIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(person.subject))
                        .addRole(person.role.name().toLowerCase()).build());
    }

    private static void report(String what, long[] baseline, long[] gated) {
        double[] b = percentiles(baseline);
        double[] g = percentiles(gated);
        System.out.printf("%n== %s (%d rounds each, interleaved)%n", what, baseline.length);
        System.out.printf("   without gate  p50 %.3f ms  p95 %.3f ms  p99 %.3f ms%n", b[0], b[1], b[2]);
        System.out.printf("   with gate     p50 %.3f ms  p95 %.3f ms  p99 %.3f ms%n", g[0], g[1], g[2]);
        System.out.printf("   gate + audit add at p95: %.3f ms (ratio %.2f)%n", g[1] - b[1], g[1] / b[1]);
    }

    private static double[] percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        List<Double> result = new ArrayList<>();
        for (double p : new double[]{0.50, 0.95, 0.99}) {
            result.add(sorted[(int) Math.ceil(p * sorted.length) - 1] / 1_000_000.0);
        }
        return new double[]{result.get(0), result.get(1), result.get(2)};
    }
}
