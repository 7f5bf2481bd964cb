package app.wellkeep.vitals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Conversions between stored and shown units, against values from published tables. */
class DisplayUnitTest {

    @ParameterizedTest
    @CsvSource({"KILOGRAM, 70, 70", "POUND, 70, 154.3236", "POUND, 0.45359237, 1", "MG_PER_DL, 100, 100",
            "MMOL_PER_L, 100, 5.5506", "MMOL_PER_L, 180.16, 10", "CELSIUS, 37, 37", "FAHRENHEIT, 37, 98.6",
            "FAHRENHEIT, 0, 32", "FAHRENHEIT, -40, -40"})
    void showsStoredValuesInTheChosenUnit(DisplayUnit unit, double stored, double shown) {
        assertEquals(shown, unit.fromStored(stored), 0.0001);
    }

    @ParameterizedTest
    @EnumSource(DisplayUnit.class)
    void convertingBackGivesTheStoredValue(DisplayUnit unit) {
        for (double stored : new double[]{unit.metric().min(), 42.5, unit.metric().max()}) {
            assertEquals(stored, unit.toStored(unit.fromStored(stored)), 1e-9);
        }
    }
}
