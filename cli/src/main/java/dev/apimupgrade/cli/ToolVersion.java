package dev.apimupgrade.cli;

import dev.apimupgrade.rules.DroolsRuleEngine;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The tool's version and the commit it was built from, filtered into a resource at build time, and the hash of the
 * rule pack it carries: what --version prints, so reports and bug reports name exactly what produced them.
 */
public final class ToolVersion implements IVersionProvider {
    public static final String NAME = "apim-upgrade";
    private static final String UNKNOWN = "unknown";

    public static String version() {
        return property("version");
    }

    /** The git commit the jar was built from, or "unknown" (built outside a checkout). */
    public static String commit() {
        String commit = property("commit").strip();
        return commit.matches("[0-9a-f]{7,64}") ? commit : UNKNOWN;
    }

    private static String property(String name) {
        try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty(name, UNKNOWN);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            NAME + " " + version(),
            "commit " + commit(),
            "rule pack " + DroolsRuleEngine.hashRulePack(),
            "Java " + Runtime.version()
        };
    }
}
