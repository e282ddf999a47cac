-- Rotating refresh tokens. Only the SHA-256 of a token is stored (hex), never the token itself.
-- All tokens handed out from one sign-in share a family; reuse of a spent token revokes the family.
CREATE TABLE refresh_token (
    token_hash  VARCHAR(64)  PRIMARY KEY,
    family_id   UUID         NOT NULL,
    user_id     UUID         NOT NULL REFERENCES app_user (id),
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    spent       BOOLEAN      NOT NULL DEFAULT FALSE,
    revoked     BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_user ON refresh_token (user_id);
