package app.wellkeep.consent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

import app.wellkeep.consent.ConsentGrant.Window;

/**
 * What a patient agrees to: the categories, the history window and the end date, and the version of the consent
 * text shown. Texts are versioned data ({@code consent/terms.properties}); a new version adds keys and never edits
 * old ones, so every receipt can show the exact words agreed to.
 */
public record ConsentTerms(Set<Category> categories, Window window, LocalDate from, Integer days,
        LocalDate expiresOn) {

    public static final String CURRENT_VERSION = "1";

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
