package dev.apimupgrade.fact;

/**
 * A jar in an analytics home's lib or dropins folder, where the analytics runtime loads OSGi bundles from; a JDBC
 * driver serves the analytics datasources only as a bundle. {@code jdbcDriverClass} is the driver the jar declares
 * (META-INF/services/java.sql.Driver) or "".
 */
public record AnalyticsJar(
        Role role,
        String folder,
        String name,
        boolean osgiBundle,
        String symbolicName,
        String jdbcDriverClass,
        SourceRef source)
        implements Observation {
    public String observed() {
        return folder + "/" + name + (osgiBundle ? " (OSGi " + symbolicName + ")" : " (plain jar)")
                + (jdbcDriverClass.isEmpty() ? "" : " JDBC driver " + jdbcDriverClass);
    }
}
