package app.wellkeep.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** The person record follows the token: created on first sign-in, updated when Keycloak's data changes. */
@QuarkusTest
class PersonSignInTest {

    @Inject
    PersonService persons;

    @Test
    @TestSecurity(user = "first-login", roles = "patient")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "sub-first-login"),
            @Claim(key = "name", value = "Ada Lovelace"),
            @Claim(key = "email", value = "ada@example.org")})
    void firstRequestCreatesThePersonFromTheToken() {
        given().when().get("/api/me").then().statusCode(200).body("displayName", equalTo("Ada Lovelace"))
                .body("email", equalTo("ada@example.org")).body("role", equalTo("PATIENT"))
                .body("id", matchesPattern("[0-9a-f-]{36}"));
        String id = given().when().get("/api/me").then().statusCode(200).extract().path("id");
        assertEquals(1, count("sub-first-login"));
        assertEquals(id, Person.findBySubject("sub-first-login").orElseThrow().id.toString());
    }

    @Test
    void changedNameAndRoleAreTakenOver() {
        persons.signIn(new TokenProfile("sub-changes", "Old Name", "old@example.org", Role.PATIENT));
        Person person = persons.signIn(new TokenProfile("sub-changes", "New Name", "new@example.org", Role.COACH));
        assertEquals("New Name", person.displayName);
        assertEquals("new@example.org", person.email);
        assertEquals(Role.COACH, person.role);
        assertEquals(1, count("sub-changes"));
    }

    @Test
    void concurrentFirstSignInsCreateOnePerson() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Person>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> persons.signIn(new TokenProfile("sub-race", "Racer", null, Role.PATIENT)));
            }
            List<Future<Person>> results = pool.invokeAll(calls);
            for (Future<Person> result : results) {
                assertEquals("Racer", result.get().displayName);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("sub-race"));
    }

    @Test
    void strongestRoleDecides() {
        assertEquals(Role.ADMIN, Role.primaryOf(java.util.Set.of("patient", "coach", "admin")));
        assertEquals(Role.COACH, Role.primaryOf(java.util.Set.of("patient", "coach")));
        assertEquals(Role.PATIENT, Role.primaryOf(java.util.Set.of("patient", "offline_access")));
        assertEquals(Role.PATIENT, Role.primaryOf(java.util.Set.of()));
    }

    long count(String subject) {
        return Person.count("subject", subject);
    }
}
