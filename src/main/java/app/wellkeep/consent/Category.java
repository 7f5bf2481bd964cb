package app.wellkeep.consent;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** The kinds of data a patient shares, each on its own. */
public enum Category {

    ACTIVITY, HEART, SLEEP, BODY, BLOOD_PRESSURE, GLUCOSE, CHECK_INS, ALERTS;

    /** How a set of categories is stored: a comma-separated list of names, in declaration order. */
    @Converter
    public static class SetConverter implements AttributeConverter<Set<Category>, String> {

        @Override
        public String convertToDatabaseColumn(Set<Category> categories) {
            return join(categories);
        }

        @Override
        public Set<Category> convertToEntityAttribute(String stored) {
            return split(stored);
        }
    }

    /** Stored as a comma-separated list of names, in declaration order. */
    static String join(Set<Category> categories) {
        return categories.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<Category> split(String stored) {
        Set<Category> set = EnumSet.noneOf(Category.class);
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(",")).map(Category::valueOf).forEach(set::add);
        }
        return set;
    }
}
