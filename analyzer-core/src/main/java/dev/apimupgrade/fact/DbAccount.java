package dev.apimupgrade.fact;

/**
 * The database user a datasource connects as, as the database reports it (PostgreSQL current_user), and the server it
 * is a user of: datasources that share both share one user, so a step that changes that user is one step. A role name
 * is not a secret (the password never enters a fact).
 */
public record DbAccount(String datasource, String user, String server, SourceRef source) implements Observation {
    public String observed() {
        return "connects as " + user + " on " + server;
    }
}
