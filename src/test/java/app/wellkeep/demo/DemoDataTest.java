package app.wellkeep.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;

/** Loading the demo data twice adds nothing the second time. */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demo;

    @Test
    void loadingIsIdempotent() {
        demo.load();
        long persons = Person.count();
        assertEquals(0, demo.load());
        assertEquals(persons, Person.count());
        for (DemoData.DemoAccount account : DemoData.ACCOUNTS) {
            Person person = Person.findBySubject(account.subject()).orElseThrow();
            assertEquals(account.role(), person.role);
            assertEquals(account.displayName(), person.displayName);
        }
    }
}
