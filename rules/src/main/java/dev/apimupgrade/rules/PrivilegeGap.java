package dev.apimupgrade.rules;

import dev.apimupgrade.fact.DbProduct;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the user of one MariaDB/MySQL datasource lacks for the scripts planned on it: the database its URL names (""
 * when it names none), the planned scripts, and each missing privilege with the script that needs it. Rules match it
 * (from {@link #of}) so the comparison is made once and its parts are named in the finding.
 */
public record PrivilegeGap(
        String datasource, String database, List<String> scripts, List<MysqlPrivileges.Need> missing) {
    public static PrivilegeGap of(
            DbProduct product,
            Collection<?> configs,
            Collection<?> analytics,
            Collection<?> scripts,
            Collection<?> grants) {
        List<Object> sources = new ArrayList<>(configs);
        sources.addAll(analytics);
        String database = MysqlPrivileges.databaseOf(sources);
        return new PrivilegeGap(
                product.datasource(),
                database,
                MysqlPrivileges.scriptNames(scripts),
                database.isEmpty() ? List.of() : MysqlPrivileges.missing(product, database, scripts, grants));
    }

    public String missingPhrase() {
        return MysqlPrivileges.phrase(missing);
    }

    public String grantStatement() {
        return MysqlPrivileges.grantStatement(missing, database, datasource);
    }
}
