package dev.apimupgrade.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What a plan step changes, or asks the operator to change, as source names ("NEW:repository/conf/deployment.toml",
 * "db:apim_db/", "NEW:" for the whole new home): a change there is the step's doing, judged by its post-condition, not
 * drift. {@code always} holds from the moment the plan is made (the operator may re-apply a customisation before the
 * run reaches its step); {@code onceReached} only after the run reached the step, because it is broad: a script's
 * database, or everything a server start writes (logs, tenants' synapse files, the databases, which on H2 are the old
 * home's database files the carried URLs point at).
 */
public record StepTargets(List<String> always, List<String> onceReached) {
    static final String NEW = "NEW:";
    static final String NEW_ANALYTICS = "NEW-analytics:";
    static final String DEPLOYMENT_TOML = NEW + "repository/conf/deployment.toml";
    /**
     * The old home's H2 database files: the carried H2 URLs point at them (migrate anchors jdbc:h2:./repository/database/
     * at the old home), so a 3.1.0 start or migration client writes there, as it writes into a server database.
     */
    static final String OLD_H2_DATABASES = "OLD:repository/database/";

    public StepTargets {
        always = List.copyOf(always);
        onceReached = List.copyOf(onceReached);
    }

    public static StepTargets of(PlanStep step) {
        String target = step.target();
        if (step.actionKind().isEmpty()) {
            return new StepTargets(List.of(), List.of());
        }
        return switch (step.actionKind().get()) {
            case COPY_FILE, COPY_TREE, DELETE_PATH -> new StepTargets(List.of(NEW + target), List.of());
            case SET_TOML_VALUE, SET_TOML_TABLE -> new StepTargets(List.of(DEPLOYMENT_TOML), List.of());
            case RUN_SQL_SCRIPT, ADAPT_SQL_STATEMENT -> new StepTargets(List.of(), List.of(db(target)));
            case MANUAL_STEP -> manual(target);
            // writes only into the run's backup folder, which no later step reads as its own
            case BACKUP -> new StepTargets(List.of(), List.of());
        };
    }

    /**
     * A manual step names a file or folder of a home, a datasource, or a whole home ("new-home": a server start or a
     * migration client run, which also changes the databases).
     */
    private static StepTargets manual(String target) {
        if (target.equals("new-home")) {
            return new StepTargets(List.of(), List.of(NEW, "db:", OLD_H2_DATABASES, NEW_ANALYTICS));
        }
        if (target.equals("analytics-home")) {
            return new StepTargets(List.of(), List.of(NEW_ANALYTICS));
        }
        if (target.startsWith("analytics-home/")) {
            return new StepTargets(List.of(NEW_ANALYTICS + target.substring("analytics-home/".length())), List.of());
        }
        String named = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        if (named.startsWith(NEW_ANALYTICS)) {
            // a widget's folder is named after the old home's ("NEW-analytics:OLD-analytics:wso2/...")
            String rest = named.substring(NEW_ANALYTICS.length()).replaceFirst("^(OLD|NEW)-analytics:", "");
            return new StepTargets(List.of(NEW_ANALYTICS + rest), List.of());
        }
        if (named.startsWith(NEW)) {
            return new StepTargets(List.of(named), List.of());
        }
        // a bare name is a path of the new home or a datasource: an unused reading excuses nothing that exists
        List<String> always = new ArrayList<>(List.of(NEW + named, db(named)));
        return new StepTargets(always, List.of());
    }

    private static String db(String datasource) {
        return "db:" + datasource + "/";
    }

    /**
     * Whether a fact's source lies under a target: the path itself, a file under a folder, a line of a file
     * ("NEW:repository/conf/deployment.toml:12"), or anything when the target is a whole home ("NEW:").
     */
    public static boolean covers(String target, String source) {
        if (target.endsWith(":") || target.endsWith("/")) {
            return source.startsWith(target);
        }
        return source.equals(target) || source.startsWith(target + "/") || source.startsWith(target + ":");
    }
}
