package app.wellkeep.vitals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import app.wellkeep.account.Person;

/** How one metric's values read for one person: in the unit they chose, with the decimals worth showing. */
public record UnitView(Metric metric, Optional<DisplayUnit> unit) {

    public static UnitView of(Person person, Metric metric) {
        return new UnitView(metric, DisplayUnit.of(person, metric));
    }

    /** The UCUM code of the unit shown; the bundle turns it into a readable label. */
    public String ucum() {
        return unit.map(DisplayUnit::ucum).orElse(metric.unit());
    }

    public int decimals() {
        return unit.map(DisplayUnit::decimals).orElse(switch (metric) {
            case BODY_MASS_INDEX, BODY_FAT -> 1;
            default -> 0;
        });
    }

    public double shown(double stored) {
        return unit.map(u -> u.fromStored(stored)).orElse(stored);
    }

    public double stored(double shown) {
        return unit.map(u -> u.toStored(shown)).orElse(shown);
    }

    /** The value in the person's unit, rounded for display. */
    public BigDecimal rounded(double stored) {
        return BigDecimal.valueOf(shown(stored)).setScale(decimals(), RoundingMode.HALF_UP);
    }

    /** A plain number (no grouping), so the chart script can read it back from the table. */
    public String format(double stored) {
        return rounded(stored).toPlainString();
    }
}
