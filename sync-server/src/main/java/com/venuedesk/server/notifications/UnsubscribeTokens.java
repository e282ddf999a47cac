package com.venuedesk.server.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of an e-mail's unsubscribe link: the guest's id and an HMAC-SHA256 of it under the server's key, so a
 * link opts out only the guest it was sent to, and nobody can make one for another guest.
 */
public final class UnsubscribeTokens {
    private final byte[] key;

    public UnsubscribeTokens(byte[] serverKey) {
        this.key = serverKey.clone();
    }

    public String tokenFor(UUID customerId) {
        return customerId + "." + mac(customerId);
    }

    /** The guest a token names, if its signature holds. */
    public Optional<UUID> verify(String token) {
        if (token == null || token.indexOf('.') != 36) {
            return Optional.empty();
        }
        UUID customer;
        try {
            customer = UUID.fromString(token.substring(0, 36));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean valid = MessageDigest.isEqual(mac(customer).getBytes(StandardCharsets.US_ASCII),
                token.substring(37).getBytes(StandardCharsets.US_ASCII));
        return valid ? Optional.of(customer) : Optional.empty();
    }

    private String mac(UUID customerId) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = hmac.doFinal(("unsubscribe:" + customerId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
