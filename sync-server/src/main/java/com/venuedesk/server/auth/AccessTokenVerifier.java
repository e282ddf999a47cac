package com.venuedesk.server.auth;

import com.venuedesk.server.api.ApiException;

/** Turns a bearer access token into the principal it was issued to, or refuses with 401. */
public interface AccessTokenVerifier {

    /**
     * @throws ApiException 401 when the token is missing, malformed, forged or expired ({@link AccessTokens}), or its
     *                      user is disabled or gone ({@link CurrentAccounts}, which every route uses)
     */
    Principal verify(String bearerToken);
}
