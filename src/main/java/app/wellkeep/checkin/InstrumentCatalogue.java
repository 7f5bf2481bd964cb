package app.wellkeep.checkin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The instruments listed in {@code instruments/index.txt}, read and checked once at start. */
@ApplicationScoped
public class InstrumentCatalogue {

    private static final String DIR = "instruments/";

    private final Map<String, Instrument> instruments;

    public InstrumentCatalogue() {
        this.instruments = load(new ObjectMapper());
    }

    public Optional<Instrument> find(String id) {
        return Optional.ofNullable(instruments.get(id));
    }

    public Map<String, Instrument> all() {
        return instruments;
    }

    /** The texts of the instruments (titles, questions, answers, bands), in the request's language. */
    public static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle("instruments.texts", locale);
    }

    static Map<String, Instrument> load(ObjectMapper json) {
        Map<String, Instrument> loaded = new LinkedHashMap<>();
        try (BufferedReader index = reader(DIR + "index.txt")) {
            for (String line : index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList()) {
                try (InputStream in = stream(DIR + line + ".json")) {
                    Instrument instrument = Instrument.fromQuestionnaire(json.readTree(in));
                    loaded.put(instrument.id(), instrument);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the instrument definitions", e);
        }
        return Collections.unmodifiableMap(loaded);
    }

    private static BufferedReader reader(String path) {
        return new BufferedReader(new InputStreamReader(stream(path), StandardCharsets.UTF_8));
    }

    private static InputStream stream(String path) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + path);
        }
        return in;
    }
}
