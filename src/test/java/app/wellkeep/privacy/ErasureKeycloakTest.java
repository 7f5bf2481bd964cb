package app.wellkeep.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.audit.AuditEvent;
import app.wellkeep.audit.AuditLog;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.consent.ConsentGate;
import app.wellkeep.consent.ConsentGate.Purpose;
import app.wellkeep.consent.ConsentGrant;
import app.wellkeep.consent.ConsentService;
import app.wellkeep.consent.ConsentTerms;
import app.wellkeep.demo.DemoData;
import app.wellkeep.testsupport.KeycloakAdmin;
import app.wellkeep.testsupport.PersonRows;
import app.wellkeep.testsupport.Seed;
import app.wellkeep.testsupport.Tokens;

/** Erasure against the real Keycloak: a throwaway account signs in, keeps data, and is erased without a trace. */
@QuarkusTest
class ErasureKeycloakTest {

    @Inject
    ErasureService erasure;

    @Inject
    ExportService exports;

    @Inject
    DataSource dataSource;

    String userId;

    @Inject
    ConsentService consent;

    @Inject
    ConsentGate gate;

    @Inject
    AuditLog audit;

    @AfterEach
    void removeLeftovers() {
        if (userId != null) {
            KeycloakAdmin.deleteThrowaway(userId);
        }
    }

    @Test
    void erasureLeavesNoRowAboutThePersonAndRemovesTheKeycloakAccount() throws SQLException {
        String username = KeycloakAdmin.THROWAWAY_PREFIX + UUID.randomUUID().toString().substring(0, 8);
        userId = KeycloakAdmin.createPatient(username);
        String id = given().auth().oauth2(Tokens.accessToken(username)).get("/api/me").then().statusCode(200)
                .extract().path("id");
        UUID personId = UUID.fromString(id);
        assertEquals(userId, QuarkusTransaction.requiringNew()
                .call(() -> Person.<Person>findById(personId).subject), "the person is the Keycloak account");
        Seed.checkInData(personId);
        exports.request(personId, ExportFormat.CSV);
        // Sharing and a coach's reads of it: the grant and its receipt go, the access log stays, pseudonymised.
        Person coach = ConsentFixture.person("erasure-coach-" + UUID.randomUUID(), Role.COACH);
        Person patient = QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(personId));
        QuarkusTransaction.requiringNew().run(() -> consent.grant(patient, consent.codeOfCoach(coach),
                ConsentTerms.current(EnumSet.of(Category.CHECK_INS), ConsentGrant.Window.ALL, null, null, null)));
        QuarkusTransaction.requiringNew().run(() -> {
            gate.check(coach, personId, Category.CHECK_INS, Purpose.API);
            gate.check(coach, personId, Category.HEART, Purpose.API);
        });
        String chain = audit.ref(personId);
        String email = username + "@example.org";
        assertFalse(PersonRows.scan(dataSource, personId, userId, email).leftovers().isEmpty());

        ErasureService.Erasure done = erasure.erase(personId);

        assertTrue(done.signInRemoved());
        assertTrue(done.rows() >= 1 + Seed.CHECK_INS + Seed.RESPONSES + 1, "rows erased: " + done.rows());
        assertEquals(404, KeycloakAdmin.status(userId), "the Keycloak account is gone");
        PersonRows.Scan scan = PersonRows.scan(dataSource, personId, userId, email);
        assertEquals(Map.of(), scan.leftovers(), "rows about the person left behind");
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("chainKey", chain)),
                "the access log keeps its entries, without the person's id");
        assertTrue(audit.verify().intact(), "and stays intact");
        assertTrue(scan.uuidColumns().containsAll(java.util.List.of("person.id", "checkin.person_id",
                "questionnaire_response.person_id", "checkin_reminder.person_id", "export_job.person_id",
                "consent_grant.patient_id",
                "consent_receipt.patient_id", "audit_event.patient_id")),
                "the scan covers every table: " + scan.uuidColumns());
    }

    @Test
    void theDemoAccountsAreUntouched() {
        for (DemoData.DemoAccount account : DemoData.ACCOUNTS) {
            assertEquals(200, KeycloakAdmin.status(account.subject()), account.displayName() + " is still there");
        }
    }
}
