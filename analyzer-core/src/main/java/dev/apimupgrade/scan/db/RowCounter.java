package dev.apimupgrade.scan.db;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.RowCount;
import dev.apimupgrade.fact.SourceRef;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The counts the conditions need, each run only where its tables and columns exist. Queries are built with jOOQ
 * from the identifiers the catalogue found, so they quote names as each database spells them.
 */
final class RowCounter {
    private final DSLContext ctx;
    private final Catalog catalog;
    private final String datasource;
    private final List<Observation> facts;

    RowCounter(DSLContext ctx, Catalog catalog, String datasource, List<Observation> facts) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.datasource = datasource;
        this.facts = facts;
    }

    void countAll() {
        for (String t : List.of(
                "REG_LOG", "UM_TENANT", "REG_RESOURCE_HISTORY", "IDN_OAUTH2_SCOPE_BINDING", "APILASTACCESSSUMMARY")) {
            rows(t);
        }
        GuideTables.LARGE_IDENTITY.forEach(this::rows);
        scopeBindings();
        scopeNameClash();
        versionedRegistryRows();
        analyticsSummary();
    }

    private void rows(String table) {
        catalog.table(table).ifPresent(t -> add(table, RowCount.ROWS, ctx.fetchCount(t.table())));
    }

    private void scopeBindings() {
        catalog.table("IDN_OAUTH2_SCOPE_BINDING")
                .ifPresent(t -> t.column("SCOPE_BINDING").ifPresent(binding -> {
                    add(
                            "IDN_OAUTH2_SCOPE_BINDING",
                            RowCount.SCOPE_BINDING_NULL_OR_EMPTY,
                            ctx.fetchCount(t.table(), binding.isNull().or(binding.eq(""))));
                    t.column("SCOPE_ID")
                            .ifPresent(id -> add(
                                    "IDN_OAUTH2_SCOPE_BINDING",
                                    RowCount.DUPLICATE_SCOPE_BINDINGS,
                                    duplicateGroups(t.table(), binding.isNotNull(), id, binding)));
                }));
    }

    private void scopeNameClash() {
        Optional<Catalog.Found> oauth = catalog.table("IDN_OAUTH2_SCOPE");
        Optional<Catalog.Found> oidc = catalog.table("IDN_OIDC_SCOPE");
        if (oauth.isEmpty() || oidc.isEmpty()) {
            return;
        }
        Field<Object> name = oauth.get().columns().get("NAME");
        Field<Object> tenant = oauth.get().columns().get("TENANT_ID");
        Field<Object> oidcName = oidc.get().columns().get("NAME");
        Field<Object> oidcTenant = oidc.get().columns().get("TENANT_ID");
        if (name != null && tenant != null && oidcName != null && oidcTenant != null) {
            add(
                    "IDN_OAUTH2_SCOPE",
                    RowCount.NAMES_ALSO_OIDC,
                    ctx.fetchCount(
                            oauth.get().table(),
                            exists(selectOne()
                                    .from(oidc.get().table())
                                    .where(oidcName.eq(name))
                                    .and(oidcTenant.eq(tenant)))));
        }
    }

    /** Versioned rows, and what the clean-up script deletes: rows whose REG_VERSION no REG_RESOURCE row has. */
    private void versionedRegistryRows() {
        Optional<Catalog.Found> resource = catalog.table("REG_RESOURCE");
        for (GuideTables.Versioned v : GuideTables.VERSIONED) {
            catalog.table(v.link()).ifPresent(t -> {
                t.column("REG_PATH_ID")
                        .ifPresent(path ->
                                add(v.link(), RowCount.VERSIONED_ROWS, ctx.fetchCount(t.table(), path.isNull())));
                Optional<Field<Object>> version = t.column("REG_VERSION");
                Optional<Field<Object>> resourceVersion = resource.flatMap(r -> r.column("REG_VERSION"));
                if (resource.isPresent() && version.isPresent() && resourceVersion.isPresent()) {
                    Condition kept = exists(selectOne()
                            .from(resource.get().table())
                            .where(resourceVersion.get().eq(version.get())));
                    add(v.link(), RowCount.CLEANUP_DELETES, ctx.fetchCount(t.table(), kept.not()));
                    orphans(v, t, kept);
                }
            });
        }
    }

    /** REG_PROPERTY/REG_TAG/... rows no surviving REG_RESOURCE_* row refers to, which the script deletes next. */
    private void orphans(GuideTables.Versioned v, Catalog.Found link, Condition linkKept) {
        catalog.table(v.target()).ifPresent(target -> {
            Optional<Field<Object>> id = target.column("REG_ID");
            Optional<Field<Object>> ref = link.column(v.targetIdColumn());
            if (id.isPresent() && ref.isPresent()) {
                add(
                        v.target(),
                        RowCount.CLEANUP_DELETES,
                        ctx.fetchCount(
                                target.table(),
                                notExists(selectOne()
                                        .from(link.table())
                                        .where(ref.get().eq(id.get()))
                                        .and(linkKept))));
            }
        });
    }

    private void analyticsSummary() {
        catalog.table("APILASTACCESSSUMMARY").ifPresent(t -> {
            Optional<Field<Object>> version = t.column("APIVERSION");
            version.ifPresent(
                    v -> add("APILASTACCESSSUMMARY", RowCount.APIVERSION_NULL, ctx.fetchCount(t.table(), v.isNull())));
            List<Optional<Field<Object>>> key =
                    List.of(t.column("APINAME"), t.column("APICREATOR"), version, t.column("APICREATORTENANTDOMAIN"));
            if (key.stream().allMatch(Optional::isPresent)) {
                Field<?>[] fields = key.stream().map(Optional::get).toArray(Field<?>[]::new);
                add(
                        "APILASTACCESSSUMMARY",
                        RowCount.DUPLICATES_UNDER_NEW_PK,
                        duplicateGroups(t.table(), org.jooq.impl.DSL.noCondition(), fields));
            }
        });
    }

    private int duplicateGroups(Table<?> table, Condition where, Field<?>... key) {
        return ctx.fetchCount(
                ctx.select(key).from(table).where(where).groupBy(key).having(count().gt(1)));
    }

    private void add(String table, String measure, long n) {
        facts.add(new RowCount(datasource, table, measure, n, SourceRef.db(datasource, table)));
    }
}
