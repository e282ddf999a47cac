package com.venuedesk.desk.signin;

/**
 * Checks a username and password: online against the server when it answers, else against the credentials
 * cached at this desk's last online sign-in. Called off the UI thread.
 */
@FunctionalInterface
public interface Authenticator {
    SignInResult signIn(String username, String password) throws Exception;
}
