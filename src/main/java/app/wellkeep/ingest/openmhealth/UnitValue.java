package app.wellkeep.ingest.openmhealth;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import app.wellkeep.ingest.Rejection;

/** An Open mHealth unit-value ({@code {"value": 60, "unit": "beats/min"}}), checked against its schema's units. */
record UnitValue(double value, String unit) {

    /** The unit-value in {@code field} of {@code parent}, or null when it is absent and not required. */
    static UnitValue read(JsonNode parent, String field, Set<String> units, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null) {
            if (required) {
                throw EntryRejected.missing(field);
            }
            return null;
        }
        return of(node, field, units);
    }

    /** {@code node} as a unit-value; {@code field} names it in a rejection's detail. */
    static UnitValue of(JsonNode node, String field, Set<String> units) {
        if (!node.isObject()) {
            throw EntryRejected.invalid(field + " is not a unit-value object");
        }
        JsonNode value = node.get("value");
        if (value == null) {
            throw EntryRejected.missing(field + ".value");
        }
        if (!value.isNumber()) {
            throw EntryRejected.invalid(field + ".value is not a number");
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
            throw EntryRejected.invalid(field + ".value is out of range");
        }
        JsonNode unit = node.get("unit");
        if (unit == null) {
            throw EntryRejected.missing(field + ".unit");
        }
        if (!unit.isTextual()) {
            throw EntryRejected.invalid(field + ".unit is not a string");
        }
        if (!units.contains(unit.textValue())) {
            throw new EntryRejected(Rejection.UNKNOWN_UNIT, field + ".unit is not a unit its schema allows");
        }
        return new UnitValue(number, unit.textValue());
    }
}
