package dev.apimupgrade.fact;

/**
 * Where an observation was made: a file of a home (with a line when known) or a database object, so every finding
 * can cite its evidence. {@code where} is home-relative ("OLD:repository/conf/registry.xml") or a database object
 * ("db:apim_db/AM_SYSTEM_APPS"), never an absolute path or a credential.
 */
public record SourceRef(String where, int line) implements Comparable<SourceRef> {

    public static SourceRef file(Role role, String relativePath) {
        return new SourceRef(role.name() + ":" + relativePath.replace('\\', '/'), 0);
    }

    public static SourceRef line(Role role, String relativePath, int line) {
        return new SourceRef(role.name() + ":" + relativePath.replace('\\', '/'), line);
    }

    /** A file of an analytics home: "OLD-analytics:conf/worker/deployment.yaml", apart from the API-M home's files. */
    public static SourceRef analytics(Role role, String relativePath, int line) {
        return new SourceRef(role.name() + "-analytics:" + relativePath.replace('\\', '/'), line);
    }

    public static SourceRef db(String datasource, String object) {
        return new SourceRef("db:" + datasource + "/" + object, 0);
    }

    public static SourceRef answers(String file, String key) {
        return new SourceRef("answers:" + file + "#" + key, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? where + ":" + line : where;
    }

    @Override
    public int compareTo(SourceRef o) {
        int c = where.compareTo(o.where);
        return c != 0 ? c : Integer.compare(line, o.line);
    }
}
