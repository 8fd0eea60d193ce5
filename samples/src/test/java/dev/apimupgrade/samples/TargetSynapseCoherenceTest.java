package dev.apimupgrade.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.testkit.SharedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 3.1.0 sample home is coherent with the 3.0.0 samples the way WSO2's 3.1.0 pack is with its 3.0.0 pack: each of
 * the 22 stock synapse files is unchanged where WSO2's is unchanged (the four protected files among them), and where
 * WSO2 changed one, the sample's file changes by the same lines (compared with WSO2's files under apim.reference.dir,
 * never copied; absent, the test skips, under CI=true it fails). The bytes are the samples' own text, so they cannot
 * have the SHA-256 of WSO2's files: a check that compares the new home's protected files with WSO2's stock hashes
 * rather than with the home as planned fails on the samples, as it would on a WUM-updated pack.
 */
class TargetSynapseCoherenceTest {
    private static Path reference(String version) {
        return SharedFiles.referenceFolder("apim-" + version + "/" + StockContent.SYNAPSE_DIR);
    }

    /** "- line" for each line only {@code from} has, then "+ line" for each only {@code to} has, stripped. */
    private static List<String> changedLines(String from, String to) {
        List<String> removed = new ArrayList<>(from.lines().map(String::strip).toList());
        List<String> added = new ArrayList<>(to.lines().map(String::strip).toList());
        List<String> out = new ArrayList<>();
        for (String line : from.lines().map(String::strip).toList()) {
            if (!added.remove(line)) {
                out.add("- " + line);
            }
        }
        for (String line : to.lines().map(String::strip).toList()) {
            if (!removed.remove(line)) {
                out.add("+ " + line);
            }
        }
        return out;
    }

    @Test
    void eachStockSynapseFileOfTheTargetChangesFromThe300SamplesWhereAndAsWso2sDoes() throws Exception {
        Path wso2300 = reference("3.0.0");
        Path wso2310 = reference("3.1.0");
        Path target = Samples.home(Samples.TARGET).resolve(StockContent.SYNAPSE_DIR);
        List<String> changedByWso2 = new ArrayList<>();
        for (String path : StockContent.SYNAPSE_PATHS) {
            String real300 = Files.readString(wso2300.resolve(path), StandardCharsets.ISO_8859_1);
            String real310 = Files.readString(wso2310.resolve(path), StandardCharsets.ISO_8859_1);
            String sample310 = Files.readString(target.resolve(path), StandardCharsets.UTF_8);

            assertThat(changedLines(StockContent.synapse300(path), sample310))
                    .as(path)
                    .isEqualTo(changedLines(real300, real310));
            if (!real300.equals(real310)) {
                changedByWso2.add(path);
            }
        }
        assertThat(changedByWso2).containsExactly(StockContent.SECURE_WEBSOCKET, StockContent.WORKFLOW_CALLBACK);
    }

    @Test
    void theDefaultSamplesStockSynapseFilesAreTheTextTheTargetIsComparedWith() throws Exception {
        Path old = Samples.home(Samples.DEFAULT).resolve(StockContent.SYNAPSE_DIR);
        for (String path : StockContent.SYNAPSE_PATHS) {
            if (DefaultSample.OMITTED_300.contains(path)) {
                assertThat(old.resolve(path)).doesNotExist();
            } else {
                assertThat(Files.readString(old.resolve(path))).as(path).isEqualTo(StockContent.synapse300(path));
            }
        }
    }
}
