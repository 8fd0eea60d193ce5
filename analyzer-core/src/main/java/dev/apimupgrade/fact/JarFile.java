package dev.apimupgrade.fact;

/**
 * A jar in repository/components/dropins or repository/components/lib ({@code folder} "dropins" or "lib").
 * {@code stock} means the same file name ships in a stock pack: for an OLD jar, its name is on the embedded (partial)
 * list of 3.0.0 jars or a jar of that name is in the same folder of the NEW home; for a NEW jar, it is true unless it
 * is a known migration tool jar. A migration tool jar (see {@link MigrationArtefact}) is never stock in either home.
 * {@code jdbcDriverClass} is the driver class the jar declares (META-INF/services/java.sql.Driver) or "".
 */
public record JarFile(
        Role role,
        String folder,
        String name,
        boolean osgiBundle,
        String symbolicName,
        String bundleVersion,
        String importPackage,
        String jdbcDriverClass,
        boolean stock,
        String sha256,
        SourceRef source)
        implements Observation {
    public String observed() {
        return folder + "/" + name
                + (osgiBundle ? " (OSGi " + symbolicName + " " + bundleVersion + ")" : " (plain jar)")
                + (jdbcDriverClass.isEmpty() ? "" : " JDBC driver " + jdbcDriverClass);
    }
}
