package app.wellkeep.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import app.wellkeep.checkin.CheckIn.Medication;
import app.wellkeep.checkin.CheckIn.Symptom;

class CheckInFormTest {

    static MultivaluedMap<String, String> valid() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("csrf-token", "token");
        form.putSingle("mood", "4");
        form.putSingle("energy", "3");
        form.putSingle("stress", "2");
        form.putSingle("sleepQuality", "5");
        form.putSingle("medication", "TAKEN");
        form.put("symptoms", new ArrayList<>(List.of("HEADACHE", "COUGH")));
        form.putSingle("symptomNote", "  mild  ");
        form.putSingle("note", "");
        return form;
    }

    @Test
    void aCompleteFormIsRead() {
        CheckInForm form = CheckInForm.parse(valid(), "csrf-token");
        assertTrue(form.valid(), form.errors().toString());
        assertEquals(new CheckInForm.Values(4, 3, 2, 5, Medication.TAKEN,
                EnumSet.of(Symptom.HEADACHE, Symptom.COUGH), "mild", null), form.values());
    }

    @ParameterizedTest
    @CsvSource({"mood, 0, outOfRange", "mood, 6, outOfRange", "energy, x, outOfRange", "stress, '', required",
            "sleepQuality, 2.5, outOfRange", "medication, MAYBE, unknownChoice", "medication, '', required"})
    void badAnswersAreNamed(String field, String value, String error) {
        MultivaluedMap<String, String> form = valid();
        form.putSingle(field, value);
        CheckInForm parsed = CheckInForm.parse(form, "csrf-token");
        assertFalse(parsed.valid());
        assertEquals(Map.of(field, error), parsed.errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localDate", "personId", "id", "date"})
    void fieldsTheFormNeverHadRefuseTheWholeSubmission(String forged) {
        MultivaluedMap<String, String> form = valid();
        form.putSingle(forged, "2020-01-01");
        CheckInForm parsed = CheckInForm.parse(form, "csrf-token");
        assertEquals("unexpectedField", parsed.errors().get("form"));
        assertEquals(null, parsed.values());
    }

    @Test
    void unknownSymptomsTooLongTextsAndRepeatedFieldsAreRefused() {
        MultivaluedMap<String, String> symptom = valid();
        symptom.add("symptoms", "DRAGONPOX");
        assertEquals("unknownChoice", CheckInForm.parse(symptom, "csrf-token").errors().get("symptoms"));
        MultivaluedMap<String, String> longNote = valid();
        longNote.putSingle("note", "x".repeat(CheckInForm.NOTE_MAX + 1));
        assertEquals("tooLong", CheckInForm.parse(longNote, "csrf-token").errors().get("note"));
        MultivaluedMap<String, String> control = valid();
        control.putSingle("symptomNote", "bad\u0000byte");
        assertEquals("invalidCharacters", CheckInForm.parse(control, "csrf-token").errors().get("symptomNote"));
        MultivaluedMap<String, String> twice = valid();
        twice.put("mood", List.of("1", "5"));
        assertEquals("oneValue", CheckInForm.parse(twice, "csrf-token").errors().get("mood"));
    }
}
