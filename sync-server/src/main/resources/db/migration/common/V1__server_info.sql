-- Facts about this server installation that must survive restarts (e.g. the token signing key).
CREATE TABLE server_setting (
    setting_name  VARCHAR(100) PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);
