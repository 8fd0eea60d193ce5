package dev.apimupgrade.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a large 3.0.0 installation for benchmarks from the generated samples alone (no shared files): a copy of the
 * apim-3.0.0-default sample with {@code tenants} tenants, each with the super tenant's stock synapse files, and API
 * files (the shape the gateway deploys) until the homes hold {@code synapseFiles} synapse files in all; beside it a
 * copy of the apim-3.1.0 sample. Size S of issue 19 is 100 tenants and 10,000 files, size L ten times both.
 */
public final class LargeInstallation {
    static final String SYNAPSE = "synapse-configs/default";
    static final String SUPER = "repository/deployment/server/" + SYNAPSE;

    private LargeInstallation() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: LargeInstallation <samples dir> <output dir> <tenants> <synapse files>");
            System.exit(2);
        }
        Path samples = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int tenants = Integer.parseInt(args[2]);
        int files = Integer.parseInt(args[3]);
        write(samples, out, tenants, files);
        System.out.println(out.resolve(Samples.DEFAULT) + " " + out.resolve(Samples.TARGET));
    }

    /** Replaces out/apim-3.0.0-default and out/apim-3.1.0 with the large installation and its target. */
    public static void write(Path samples, Path out, int tenants, int synapseFiles) throws IOException {
        Path old = out.resolve(Samples.DEFAULT);
        SampleGenerator.deleteTree(old);
        SampleGenerator.deleteTree(out.resolve(Samples.TARGET));
        copyTree(samples.resolve(Samples.DEFAULT), old);
        copyTree(samples.resolve(Samples.TARGET), out.resolve(Samples.TARGET));
        List<Path> stock = regularFiles(old.resolve(SUPER));
        int perHome = Math.max(0, synapseFiles / (tenants + 1) - stock.size());
        writeApis(old.resolve(SUPER).resolve("api"), "admin", perHome);
        for (int t = 1; t <= tenants; t++) {
            Path dir = old.resolve("repository/tenants/" + t + "/" + SYNAPSE);
            for (Path f : stock) {
                Path to = dir.resolve(old.resolve(SUPER).relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
            }
            writeApis(dir.resolve("api"), "admin-AT-tenant" + t + ".example", perHome);
        }
    }

    /** API files as the gateway writes them, one per API, each a little different. */
    private static void writeApis(Path dir, String provider, int count) throws IOException {
        Files.createDirectories(dir);
        for (int i = 1; i <= count; i++) {
            String name = provider + "--BenchAPI" + i;
            String xml = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <api xmlns="http://ws.apache.org/ns/synapse" name="%1$s" context="/bench%2$d/1.0.0" version="1.0.0" version-type="context">
                        <resource methods="GET POST" url-mapping="/*" faultSequence="fault">
                            <inSequence>
                                <property name="api.ut.backendRequestTime" expression="get-property('SYSTEM_TIME')"/>
                                <filter source="$ctx:AM_KEY_TYPE" regex="PRODUCTION">
                                    <then>
                                        <send><endpoint key="%1$s--vproduction_%2$d"/></send>
                                    </then>
                                    <else>
                                        <send><endpoint key="%1$s--vsandbox_%2$d"/></send>
                                    </else>
                                </filter>
                            </inSequence>
                            <outSequence><class name="org.wso2.carbon.apimgt.usage.publisher.APIMgtResponseHandler"/><send/></outSequence>
                        </resource>
                        <handlers>
                            <handler class="org.wso2.carbon.apimgt.gateway.handlers.common.APIMgtLatencyStatsHandler"/>
                            <handler class="org.wso2.carbon.apimgt.gateway.handlers.security.APIAuthenticationHandler"/>
                            <handler class="org.wso2.carbon.apimgt.gateway.handlers.throttling.ThrottleHandler"/>
                        </handlers>
                    </api>
                    """.formatted(name, i);
            Files.writeString(dir.resolve(name + "_v1.0.0.xml"), xml, StandardCharsets.UTF_8);
        }
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
