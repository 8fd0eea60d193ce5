package dev.apimupgrade.verify;

import dev.apimupgrade.fact.DatabaseScan;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.rule.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The datasources a node keeps as its 3.1.0 pack ships them (ADR 0038): on a node whose profile removes the identity
 * components, an apim_db or shared_db on a node-local H2 file holds nothing the upgraded deployment needs, so the rules
 * settle its carry (CFG-DB-APIM, CFG-DB-SHARED) NOT_APPLICABLE and the 3.1.0 home keeps the pack's own database. Verify
 * then reads that database in the new home, not the old one nobody upgrades.
 */
public final class NodeLocalDatabases {
    private NodeLocalDatabases() {}

    /**
     * The names of the datasources the verdict keeps on the node (none on a standalone home): those the node-local
     * rules' conclusion names ({@link dev.apimupgrade.rule.OffNode#keptDatasource()}), so renaming a rule changes
     * nothing here.
     */
    public static Set<String> kept(Verdict verdict) {
        return verdict.keptDatasources();
    }

    /**
     * The facts with what the database scan read of the {@code kept} datasources in the old home replaced by what it
     * read of them in the new home ({@code newHome}, the scan of {@code DatasourceSpecs.ofNewHome}).
     */
    public static Facts readInTheNewHome(Facts facts, Set<String> kept, List<Observation> newHome) {
        List<Observation> out = new ArrayList<>();
        for (Observation o : facts.all()) {
            if (!ofAny(o, kept)) {
                out.add(o);
            }
        }
        out.addAll(newHome);
        return new Facts(out);
    }

    private static boolean ofAny(Observation o, Set<String> datasources) {
        if (o instanceof DatabaseScan scan) {
            return datasources.contains(scan.datasource());
        }
        String where = o.source() == null ? "" : o.source().where();
        return datasources.stream().anyMatch(d -> where.startsWith("db:" + d + "/"));
    }
}
