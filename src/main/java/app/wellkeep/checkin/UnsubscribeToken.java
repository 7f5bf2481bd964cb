package app.wellkeep.checkin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token of an unsubscribe link: an HMAC of the person's id under a server key, so the link works without
 * signing in and cannot be made for anyone else.
 */
@ApplicationScoped
public class UnsubscribeToken {

    private static final String PURPOSE = "checkin-reminder-unsubscribe:";

    private final SecretKeySpec key;

    public UnsubscribeToken(@ConfigProperty(name = "wellkeep.signing-key") String signingKey) {
        if (signingKey.length() < 32) {
            throw new IllegalStateException("wellkeep.signing-key must have at least 32 characters");
        }
        this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String issue(UUID personId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(personId));
    }

    public boolean verify(UUID personId, String token) {
        if (personId == null || token == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(personId), given);
    }

    private byte[] mac(UUID personId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((PURPOSE + personId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
