package dev.apimupgrade.rules;

import dev.apimupgrade.fact.JarFile;
import dev.apimupgrade.fact.Keystore;
import dev.apimupgrade.fact.MigrationArtefact;
import dev.apimupgrade.fact.StockComparison;
import dev.apimupgrade.fact.SynapseFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Set differences over matched facts that DRL patterns cannot express inside one collect ("files with no matching
 * stock comparison"); rules collect both sides and call these, so the logic stays in one tested place.
 */
public final class Matching {
    private Matching() {}

    /** Synapse files that no comparison shows to be identical to stock: the user's APIs, or edited stock files. */
    public static List<SynapseFile> notStock(Collection<?> files, Collection<?> identicalToStock) {
        Set<String> same = new HashSet<>();
        for (Object o : identicalToStock) {
            if (o instanceof StockComparison c && c.matchesStock()) {
                same.add(c.tenant() + "/" + c.relativePath());
            }
        }
        List<SynapseFile> out = new ArrayList<>();
        for (Object o : files) {
            if (o instanceof SynapseFile f && !same.contains(f.tenant() + "/" + f.relativePath())) {
                out.add(f);
            }
        }
        return out;
    }

    /** Jars that are not stock and not a migration tool jar. */
    public static List<JarFile> customJars(Collection<?> jars, Collection<?> artefacts) {
        Set<String> tools = new HashSet<>();
        for (Object o : artefacts) {
            if (o instanceof MigrationArtefact a) {
                tools.add(a.role() + "/" + a.folder() + "/" + a.name());
            }
        }
        List<JarFile> out = new ArrayList<>();
        for (Object o : jars) {
            if (o instanceof JarFile j && !j.stock() && !tools.contains(j.role() + "/" + j.folder() + "/" + j.name())) {
                out.add(j);
            }
        }
        return out;
    }

    /** Old keystores (that exist) whose file the new home lacks, or holds with other content. */
    public static List<Keystore> notInNewHome(Collection<?> oldKeystores, Collection<?> newKeystores) {
        Set<String> present = new HashSet<>();
        for (Object o : newKeystores) {
            if (o instanceof Keystore k && k.exists()) {
                present.add(k.fileName() + "#" + k.sha256());
            }
        }
        List<Keystore> out = new ArrayList<>();
        for (Object o : oldKeystores) {
            if (o instanceof Keystore k && k.exists() && !present.contains(k.fileName() + "#" + k.sha256())) {
                out.add(k);
            }
        }
        return out;
    }

    /** True when an entry is the 42Crunch certificate (API Security Audit), by alias or subject. */
    public static boolean is42Crunch(String alias, String subject) {
        return contains42(alias) || contains42(subject);
    }

    /** A key of the table that configures API Security Audit: [security_audit] (3.1.0's api-manager.xml.j2). */
    public static boolean isSecurityAudit(String tomlKey) {
        return tomlKey != null && tomlKey.startsWith("security_audit.");
    }

    private static boolean contains42(String s) {
        return s != null && s.toLowerCase(java.util.Locale.ROOT).contains("42crunch");
    }
}
