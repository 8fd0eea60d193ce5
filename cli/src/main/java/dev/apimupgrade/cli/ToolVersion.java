package dev.apimupgrade.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The tool's version, filtered into a resource at build time so reports name exactly what produced them. */
public final class ToolVersion implements IVersionProvider {
    public static final String NAME = "apim-upgrade";

    public static String version() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {NAME + " " + version()};
    }
}
