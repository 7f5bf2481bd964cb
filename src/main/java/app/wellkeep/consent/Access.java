package app.wellkeep.consent;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A permission, for this request, to read one category of one patient's data, from the start of the grant's window.
 * Only {@link ConsentGate} creates one (the constructor is package-private), and every method that reads another
 * person's data takes one: a read without the gate's decision does not compile.
 */
public final class Access {

    private final UUID patientId;
    private final Category category;
    private final UUID grantId;
    private final LocalDate windowStart;
    private final LocalDate today;

    Access(UUID patientId, Category category, UUID grantId, LocalDate windowStart, LocalDate today) {
        this.patientId = patientId;
        this.category = category;
        this.grantId = grantId;
        this.windowStart = windowStart;
        this.today = today;
    }

    /** The patient's today, where they live, at the moment of the decision. */
    public LocalDate today() {
        return today;
    }

    public UUID patientId() {
        return patientId;
    }

    public Category category() {
        return category;
    }

    /** The grant that permits the read; null when the patient reads their own data. */
    public UUID grantId() {
        return grantId;
    }

    /** The first day the reader may see; null for all history. */
    public LocalDate windowStart() {
        return windowStart;
    }

    /** Fails loudly when a read of one category is attempted with the permission for another. */
    public Access require(Category expected) {
        if (category != expected) {
            throw new IllegalStateException("Access to " + category + " used to read " + expected);
        }
        return this;
    }

    /** The later of {@code from} and the window's first day. */
    public LocalDate clip(LocalDate from) {
        return clip(windowStart, from);
    }

    /** The later of {@code from} and a window's first day ({@code windowStart} null: all history). */
    public static LocalDate clip(LocalDate windowStart, LocalDate from) {
        return windowStart == null || (from != null && from.isAfter(windowStart)) ? from : windowStart;
    }

    public boolean covers(LocalDate day) {
        return windowStart == null || !day.isBefore(windowStart);
    }
}
