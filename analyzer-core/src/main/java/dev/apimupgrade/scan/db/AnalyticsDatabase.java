package dev.apimupgrade.scan.db;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.scan.AnalyticsYaml;
import dev.apimupgrade.scan.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * APIM_ANALYTICS_DB as the old analytics worker's deployment.yaml defines it, as a datasource to read: the database
 * of Step 3.1's primary-key script. Its password comes from the CLI, else APIM_UPGRADE_DB_PASSWORD_APIM_ANALYTICS_DB,
 * else the yaml; a secure-vault reference (${sec:alias}) with nothing supplied leaves it untried, with the reason.
 */
final class AnalyticsDatabase {
    static final String NAME = "APIM_ANALYTICS_DB";
    private static final Pattern SECURE_VAULT = Pattern.compile("\\$\\{sec:([^}]*)}");

    private AnalyticsDatabase() {}

    static Optional<DatasourceSpec> spec(Path home, Map<String, String> supplied, Map<String, String> env)
            throws InputException {
        for (AnalyticsYaml.Entry e :
                AnalyticsYaml.datasources(home, AnalyticsYaml.WORKER).orElse(List.of())) {
            if (e.name().equals(NAME)) {
                return Optional.of(spec(home, e, supplied, env));
            }
        }
        return Optional.empty();
    }

    private static DatasourceSpec spec(
            Path home, AnalyticsYaml.Entry e, Map<String, String> supplied, Map<String, String> env) {
        SourceRef source = SourceRef.analytics(Role.OLD, AnalyticsYaml.WORKER, e.line());
        String variable = DatasourceSpecs.passwordVariable(NAME);
        String password = supplied.getOrDefault(NAME, env.get(variable));
        Optional<String> problem = Optional.empty();
        if (password == null) {
            Matcher ref = SECURE_VAULT.matcher(e.password());
            password = ref.matches() ? null : e.password();
            if (ref.matches()) {
                problem = Optional.of("password is the secure vault reference ${sec:" + ref.group(1)
                        + "}; supply it through " + variable);
            }
        }
        String connect = e.url();
        if (DatabaseProduct.of(e.url()).orElse(null) == DatabaseProduct.H2) {
            // the analytics runtime spells its home ${sys:carbon.home}; this database belongs to the worker profile
            String local =
                    e.url().replace("${sys:carbon.home}", "${carbon.home}").replace("${sys:wso2.runtime}", "worker");
            Optional<Path> file = H2Url.parse(local).flatMap(u -> u.databasePath(home));
            connect = file.map(H2Url::connectUrl).orElse(e.url());
            if (file.isEmpty()) {
                problem = Optional.of("H2 URL is not a local file database (server and in-memory URLs are not read)");
            }
        }
        return new DatasourceSpec(NAME, e.url(), connect, e.user(), password, problem, source);
    }
}
