package dev.apimupgrade.rules;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.DbAccount;
import dev.apimupgrade.fact.JarFile;
import dev.apimupgrade.fact.Keystore;
import dev.apimupgrade.fact.KeystoreEntry;
import dev.apimupgrade.fact.MigrationArtefact;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SecureVaultConfig;
import dev.apimupgrade.fact.SynapseFile;
import dev.apimupgrade.fact.TenantDirectory;
import dev.apimupgrade.fact.TomlDifference;
import dev.apimupgrade.fact.TomlSetting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Short names of matched facts for rule messages (the full observations travel as evidence). */
public final class Phrases {
    private static final int MAX_NAMES = 12;

    private Phrases() {}

    /** The facts' short names, comma-separated, at most a dozen and then "and N more". */
    public static String names(Collection<?> facts) {
        List<String> names = new ArrayList<>();
        for (Object o : facts) {
            names.add(name(o));
        }
        names = names.stream().distinct().toList();
        if (names.size() <= MAX_NAMES) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_NAMES)) + " and " + (names.size() - MAX_NAMES) + " more";
    }

    /** Like {@link #names} but in alphabetical order, for facts that a collect gathers in no fixed order. */
    public static String sortedNames(Collection<?> facts) {
        return names(facts.stream().map(Phrases::name).sorted().toList());
    }

    /** The distinct purposes of keystore facts, sorted ("internal, primary, tls"), so messages do not depend on order. */
    public static String purposes(Collection<?> keystores) {
        List<String> out = new ArrayList<>();
        for (Object o : keystores) {
            if (o instanceof Keystore k && !out.contains(k.purpose())) {
                out.add(k.purpose());
            }
        }
        return String.join(", ", out.stream().sorted().toList());
    }

    /** What a Secure Vault setup looks like; what ciphertool trips over is KEY-CIPHERTOOL-TOML's to say. */
    public static String secureVault(Collection<?> vaults, Collection<?> references) {
        List<String> parts = new ArrayList<>();
        for (Object o : vaults) {
            if (o instanceof SecureVaultConfig v && v.secretsTablePresent()) {
                parts.add("[secrets] with " + v.aliasCount() + " alias(es)");
            }
        }
        parts.add(references.size() + " $secret{} reference(s)");
        return String.join("; ", parts);
    }

    /** "file:alias" of each keystore with a configured alias, distinct and sorted. */
    public static String aliases(Collection<?> keystores) {
        return String.join(
                ", ",
                keystores.stream()
                        .filter(o -> o instanceof Keystore)
                        .map(o -> ((Keystore) o).fileName() + ":" + ((Keystore) o).configuredAlias())
                        .distinct()
                        .sorted()
                        .toList());
    }

    /** "old" or "3.1.0", how messages name a home. */
    public static String home(Role role) {
        return role == Role.OLD ? "old" : "3.1.0";
    }

    static String name(Object o) {
        if (o instanceof TomlDifference d) {
            return d.key() + " (" + d.change().toLowerCase(java.util.Locale.ROOT) + ")";
        } else if (o instanceof TomlSetting s) {
            return s.key();
        } else if (o instanceof DatasourceConfig d) {
            return "[database." + d.name() + "]";
        } else if (o instanceof JarFile j) {
            return j.folder() + "/" + j.name();
        } else if (o instanceof MigrationArtefact a) {
            return a.folder() + "/" + a.name();
        } else if (o instanceof Keystore k) {
            return k.fileName();
        } else if (o instanceof SynapseFile f) {
            return f.relativePath();
        } else if (o instanceof DbAccount a) {
            return a.datasource();
        } else if (o instanceof TenantDirectory t) {
            return t.tenantId();
        } else if (o instanceof Observation obs) {
            return obs.observed();
        }
        return String.valueOf(o);
    }

    /** "has expired on D" or "expires in N days (D)" for a certificate, relative to the assessment day. */
    public static String expiry(KeystoreEntry entry, long today) {
        long days = entry.notAfterEpochDay() - today;
        String date = LocalDate.ofEpochDay(entry.notAfterEpochDay()).toString();
        if (days < 0) {
            return entry.fileName() + " alias " + entry.alias() + " expired on " + date + ".";
        }
        return entry.fileName() + " alias " + entry.alias() + " expires in " + days + " day" + (days == 1 ? "" : "s")
                + " (" + date + ").";
    }
}
