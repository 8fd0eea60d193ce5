package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.TomlEdit;
import dev.apimupgrade.scan.EffectiveConfig;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.db.H2Url;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * SetTomlTable: gives the new home's deployment.toml the old home's table {@code target} ({@code from=OLD}), key
 * lines as written. With {@code relativeH2=true} (the rule found an H2 URL relative to the old home) the url is
 * written with the old home's absolute path, so the 3.1.0 server opens the old database, not its own empty one.
 * The subtables the plan names ({@code subtables=pool_options}) are carried too, each placed after the table; the
 * keys it drops ({@code drop=driverClassName}: 3.1.0 does not read them) are left out, and the runbook says so.
 */
final class SetTomlTableExecutor implements StepExecutor {
    @Override
    public String kind() {
        return "SetTomlTable";
    }

    @Override
    public Optional<String> needsOperator(PlanStep step, CheckContext ctx) {
        if (!"OLD".equals(step.params().get("from"))) {
            return Optional.of("set [" + step.target() + "] in the 3.1.0 deployment.toml by hand (source "
                    + step.params().get("from") + " is not the old home)");
        }
        return Optional.empty();
    }

    @Override
    public boolean done(PlanStep step, CheckContext ctx) throws IOException {
        String now = DeploymentToml.read(ctx, Role.NEW);
        Optional<List<String>> current = TomlEdit.tableBody(now, step.target());
        if (current.isEmpty() || !sameAfterDriverParams(current.get(), body(step, ctx))) {
            return false;
        }
        for (var sub : subtables(step, ctx).entrySet()) {
            if (!TomlEdit.tableBody(now, sub.getKey()).equals(Optional.of(sub.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The keys CFG-DB-DRIVER-PARAMS sets in a carried database table after this step (SetTomlValue, the guide's driver
     * and validationQuery per type): the carried table still holds when they were added or changed since.
     */
    private static final Set<String> DRIVER_PARAMS = Set.of("driver", "validationQuery");

    /** The table as carried, but for the driver parameters a later step of the guide sets in it. */
    static boolean sameAfterDriverParams(List<String> now, List<String> carried) {
        return now.equals(carried) || withoutDriverParams(now).equals(withoutDriverParams(carried));
    }

    private static List<String> withoutDriverParams(List<String> lines) {
        return lines.stream()
                .filter(line -> {
                    int eq = line.indexOf('=');
                    return eq < 0
                            || !DRIVER_PARAMS.contains(line.substring(0, eq).trim());
                })
                .toList();
    }

    @Override
    public List<String> preview(PlanStep step, CheckContext ctx) throws IOException {
        String before = DeploymentToml.read(ctx, Role.NEW);
        return DeploymentToml.diff(before, edited(before, step, ctx));
    }

    @Override
    public void apply(PlanStep step, ApplyContext ctx) throws IOException {
        String before = DeploymentToml.read(ctx.check(), Role.NEW);
        DeploymentToml.write(step.id(), ctx, edited(before, step, ctx.check()));
    }

    /** The table, then each of its subtables the plan names, placed after it; every other line as it was. */
    private static String edited(String text, PlanStep step, CheckContext ctx) throws IOException {
        String out = TomlEdit.setTable(text, step.target(), body(step, ctx));
        for (var sub : subtables(step, ctx).entrySet()) {
            out = TomlEdit.setSubtable(out, step.target(), sub.getKey(), sub.getValue());
        }
        return out;
    }

    /**
     * The plan's subtables that the old file declares with a header of their own, with their key lines as written;
     * keys written dotted inside the table itself (pool.max_idle = 1) already travel with its body.
     */
    private static Map<String, List<String>> subtables(PlanStep step, CheckContext ctx) throws IOException {
        String old = DeploymentToml.read(ctx, Role.OLD);
        List<String> declared = TomlEdit.subtables(old, step.target());
        Map<String, List<String>> out = new LinkedHashMap<>();
        String named = step.params().getOrDefault(Planner.SUBTABLES, "");
        for (String sub : named.isEmpty() ? List.<String>of() : List.of(named.split(","))) {
            if (declared.contains(sub)) {
                String path = step.target() + "." + sub;
                out.put(path, TomlEdit.tableBody(old, path).orElseThrow());
            }
        }
        return out;
    }

    private static List<String> body(PlanStep step, CheckContext ctx) throws IOException {
        Set<String> dropped = Planner.dropped(step.params());
        Optional<List<String>> written = TomlEdit.tableBody(DeploymentToml.read(ctx, Role.OLD), step.target(), dropped);
        List<String> body = written.isPresent() ? written.get() : defaulted(step.target(), dropped, ctx);
        if (!Boolean.parseBoolean(step.params().get("relativeH2"))) {
            return body;
        }
        List<String> out = new ArrayList<>();
        for (String line : body) {
            TomlParseResult parsed = Toml.parse(line);
            String url = parsed.hasErrors() ? null : parsed.getString("url");
            out.add(url == null ? line : "url = " + TomlEdit.literal(absoluteH2(url, ctx)));
        }
        return out;
    }

    /**
     * A table the old deployment.toml does not write (a node running on 3.0.0's default, such as a Gateway worker's
     * H2 apim_db): its keys as 3.0.0 applies them from repository/resources/conf, so the new home gets the table the
     * old server really used.
     */
    private static List<String> defaulted(String table, Set<String> dropped, CheckContext ctx) throws IOException {
        EffectiveConfig old;
        try {
            old = EffectiveConfig.ofOldHome(new Installation(ctx.homes().oldHome(), Optional.empty()));
        } catch (InputException e) {
            throw new IOException(e.getMessage(), e);
        }
        String prefix = table + ".";
        List<String> out = new ArrayList<>();
        for (EffectiveConfig.Value v : old.all()) {
            String key = v.key();
            if (key.startsWith(prefix)
                    && !key.substring(prefix.length()).contains(".")
                    && !dropped.contains(key.substring(prefix.length()))) {
                String value = v.value();
                out.add(key.substring(prefix.length()) + " = "
                        + ("true".equals(value) || "false".equals(value) ? value : TomlEdit.literal(value)));
            }
        }
        if (out.isEmpty()) {
            throw new IOException("the old deployment.toml has no [" + table + "] and 3.0.0 gives it no default");
        }
        return out;
    }

    /** jdbc:h2:./repository/database/X;... (or a bare path, or ${carbon.home}/...) anchored at the old home. */
    static String absoluteH2(String url, CheckContext ctx) {
        return H2Url.parse(url)
                .filter(H2Url::homeRelative)
                .map(u -> u.anchoredAt(ctx.homes().oldHome()))
                .orElse(url);
    }
}
