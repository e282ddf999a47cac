package com.venuedesk.server.persistence;

import java.security.SecureRandom;
import java.util.Base64;

/** Installation facts kept in the database, such as the token signing key, created on first use. */
public final class ServerSettings {
    private final Database db;

    public ServerSettings(Database db) {
        this.db = db;
    }

    /** The key that signs access tokens: random on first start, the same after every restart. */
    public byte[] tokenSigningKey() {
        String encoded = db.inTransaction(session -> {
            String existing = (String) session.createNativeQuery("SELECT setting_value FROM server_setting WHERE setting_name = 'token.signing-key'", String.class)
                    .uniqueResult();
            if (existing != null) {
                return existing;
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String fresh = Base64.getEncoder().encodeToString(key);
            session.createNativeMutationQuery("INSERT INTO server_setting (setting_name, setting_value) VALUES ('token.signing-key', :v)")
                    .setParameter("v", fresh).executeUpdate();
            return fresh;
        });
        return Base64.getDecoder().decode(encoded);
    }
}
