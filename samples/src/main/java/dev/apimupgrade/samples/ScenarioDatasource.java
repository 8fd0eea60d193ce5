package dev.apimupgrade.samples;

/**
 * A [database.NAME] table of a scenario home that points at a database the test created on a real server: what the
 * generated deployment.toml says (type, url, username, password, driver, validationQuery; blank ones are left out).
 */
public record ScenarioDatasource(
        String name, String type, String url, String username, String password, String driver, String validationQuery) {
    /** The TOML table, as an operator would write it. */
    String toml() {
        StringBuilder t = new StringBuilder("[database.").append(name).append("]\n");
        line(t, "type", type);
        line(t, "url", url);
        line(t, "username", username);
        line(t, "password", password);
        line(t, "driver", driver);
        line(t, "validationQuery", validationQuery);
        return t.toString();
    }

    private static void line(StringBuilder t, String key, String value) {
        if (value != null && !value.isEmpty()) {
            t.append(key).append(" = \"").append(value).append("\"\n");
        }
    }
}
