package app.wellkeep.consent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import app.wellkeep.consent.ConsentGrant.Window;

/**
 * What a patient agrees to: the categories, the history window, the last day, and the version of the consent text
 * shown. A grant holds the terms in force; each receipt holds a copy of them as they were, in the same columns.
 * Texts are versioned data ({@code consent/terms.properties}); a new version adds keys and never edits old ones, so
 * every receipt can show the exact words agreed to.
 */
@Embeddable
public record ConsentTerms(
        @Convert(converter = Category.SetConverter.class) @Column(name = "categories", nullable = false, length = 200) Set<Category> categories,
        @Enumerated(EnumType.STRING) @Column(name = "window_kind", nullable = false, length = 16) Window window,
        @Column(name = "window_from") LocalDate from,
        @Column(name = "window_days") Integer days,
        /* The last day of sharing, in the patient's time zone; null for no end. */
        @Column(name = "expires_on") LocalDate expiresOn,
        @Column(name = "terms_version", nullable = false, length = 16) String version) {

    public static final String CURRENT_VERSION = "1";

    /** Only the field of the chosen window is kept. */
    public ConsentTerms {
        categories = Set.copyOf(categories);
        from = window == Window.FROM ? from : null;
        days = window == Window.LAST_DAYS ? days : null;
    }

    /** Terms under the consent text patients are shown today. */
    public static ConsentTerms current(Set<Category> categories, Window window, LocalDate from, Integer days,
            LocalDate expiresOn) {
        return new ConsentTerms(categories, window, from, days, expiresOn, CURRENT_VERSION);
    }

    /** The first day the recipient may see, given the patient's today; null for all history. */
    public LocalDate windowStart(LocalDate today) {
        return switch (window) {
            case ALL -> null;
            case FROM -> from;
            case LAST_DAYS -> today.minusDays(days - 1L);
        };
    }

    /** The categories in their declared order, for pages and files. */
    public List<Category> categoryList() {
        return categories.stream().sorted().toList();
    }

    /** The paragraphs of one version of the consent text. */
    public static List<String> text(String version, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("consent.terms", locale);
        List<String> paragraphs = new ArrayList<>();
        for (int i = 1;; i++) {
            try {
                paragraphs.add(bundle.getString("v" + version + ".p" + i));
            } catch (MissingResourceException e) {
                break;
            }
        }
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("No consent text of version " + version);
        }
        return paragraphs;
    }
}
