package dev.apimupgrade.execute;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimupgrade.plan.MacKey;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.scan.FormatVersion;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * run.json: which homes and which plan (by fingerprint) a run directory belongs to, written when the run first starts,
 * so a resumed run, a rollback or a reviewer works on the same homes; plan.json beside it is the plan being executed
 * and plans/ holds every plan the run executed (plans/1-plan.json first), so a plan adopted after drift is on record.
 * All carry a MAC under the run's key: rollback writes into the homes run.json names, so they must be the run's own.
 * A run.json written before {@code formatVersion} existed has none (format 1), and its MAC was made without it.
 */
@JsonPropertyOrder({"formatVersion", "oldHome", "newHome", "planFingerprint", "started", "tool"})
public record RunRecord(
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer formatVersion,
        String oldHome,
        String newHome,
        String planFingerprint,
        String started,
        String tool) {
    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectMapper COMPACT = JsonMapper.builder().build();

    /** On a resume, refuses other homes than the run folder's; a new run folder passes. */
    static void requireSameHomes(RunDirectory run, Homes homes, Journal journal)
            throws IOException, RunRefusedException, InputException {
        if (Files.exists(run.runJson())) {
            RunRecord earlier = read(run, journal.key());
            if (!earlier.oldHome().equals(homes.oldHome().toString())
                    || !earlier.newHome().equals(homes.newHome().toString())) {
                throw new RunRefusedException(run.root() + " belongs to a run of other homes (" + earlier.oldHome()
                        + " -> " + earlier.newHome() + "); give another --run folder. Nothing was changed.");
            }
        }
    }

    /** The plan the run folder executes so far, when it is another plan than {@code plan}. */
    static Optional<MigrationPlan> earlierPlan(RunDirectory run, MigrationPlan plan, Journal journal)
            throws IOException, InputException {
        if (!Files.exists(run.runJson())
                || read(run, journal.key())
                        .planFingerprint()
                        .equals(plan.fingerprint().sha256())) {
            return Optional.empty();
        }
        return Optional.of(PlanJson.read(run.plan(), journal.key()));
    }

    /**
     * Writes run.json and the plan copies when the run first gets past its checks; a resume keeps the first ones. The
     * run's key exists before either, so a run folder with a run.json always has the key its journal is checked with.
     */
    static void startIfNew(RunDirectory run, MigrationPlan plan, Homes homes, Journal journal) throws IOException {
        if (Files.exists(run.runJson())) {
            return;
        }
        keep(run, plan, journal.key());
        write(
                run,
                new RunRecord(
                        FormatVersion.CURRENT,
                        homes.oldHome().toString(),
                        homes.newHome().toString(),
                        plan.fingerprint().sha256(),
                        Instant.now().toString(),
                        plan.toolVersion()),
                journal.key());
    }

    /**
     * Makes {@code plan} the one the run folder executes from now on: kept as the next plans/N-plan.json and as
     * plan.json, and named in run.json. Returns the name of its copy under plans/.
     */
    static String adopt(RunDirectory run, MigrationPlan plan, Journal journal) throws IOException, InputException {
        MacKey key = journal.key();
        if (!Files.exists(run.plans().resolve("1-plan.json")) && Files.exists(run.plan())) {
            // a run folder started before plans/ existed: its first plan is plan.json
            Files.createDirectories(run.plans());
            AtomicFiles.write(run.plans().resolve("1-plan.json"), Files.readAllBytes(run.plan()));
        }
        Path kept = keep(run, plan, key);
        RunRecord first = read(run, key);
        write(
                run,
                new RunRecord(
                        FormatVersion.CURRENT,
                        first.oldHome(),
                        first.newHome(),
                        plan.fingerprint().sha256(),
                        first.started(),
                        plan.toolVersion()),
                key);
        return run.root().relativize(kept).toString().replace('\\', '/');
    }

    private static Path keep(RunDirectory run, MigrationPlan plan, MacKey key) throws IOException {
        Files.createDirectories(run.plans());
        int n = 1;
        while (Files.exists(run.plans().resolve(n + "-plan.json"))) {
            n++;
        }
        Path kept = run.plans().resolve(n + "-plan.json");
        // written as it is generated (tens of MB at 1,000 tenants), then the run's current plan copied from it
        AtomicFiles.writeStreamed(kept, out -> PlanJson.write(plan, key, out));
        AtomicFiles.copy(kept, run.plan());
        return kept;
    }

    private static void write(RunDirectory run, RunRecord record, MacKey key) throws IOException {
        ObjectNode tree = JSON.valueToTree(record);
        tree.put("mac", key.mac(COMPACT.writeValueAsString(record)));
        AtomicFiles.write(run.runJson(), (JSON.writeValueAsString(tree) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Reads run.json and checks its MAC with the run's key; anything else is bad input naming the file. */
    public static RunRecord read(RunDirectory run) throws InputException {
        return read(run, MacKey.read(run.key(), run.runJson().toString()));
    }

    static RunRecord read(RunDirectory run, MacKey key) throws InputException {
        String file = run.runJson().toString();
        try {
            JsonNode tree = JSON.readTree(Files.readAllBytes(run.runJson()));
            if (!(tree instanceof ObjectNode node)) {
                throw new InputException(file, "is not a run.json apim-upgrade wrote");
            }
            JsonNode mac = node.remove("mac");
            RunRecord record = JSON.treeToValue(node, RunRecord.class);
            FormatVersion.require(record.formatVersion(), file);
            if (mac == null
                    || !key.verifies(COMPACT.writeValueAsString(record), mac.asText())
                    || record.oldHome() == null
                    || record.newHome() == null) {
                throw new InputException(
                        file,
                        "was changed after apim-upgrade wrote it (its MAC does not match):"
                                + " the homes it names cannot be trusted");
            }
            return record;
        } catch (JsonProcessingException e) {
            throw new InputException(file, "is not a run.json apim-upgrade wrote: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage());
        }
    }

    public Homes homes() {
        return new Homes(java.nio.file.Path.of(oldHome), java.nio.file.Path.of(newHome));
    }
}
