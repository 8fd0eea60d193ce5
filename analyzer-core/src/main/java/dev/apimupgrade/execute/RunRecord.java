package dev.apimupgrade.execute;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanJson;
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
 */
@JsonPropertyOrder({"oldHome", "newHome", "planFingerprint", "started", "tool"})
public record RunRecord(String oldHome, String newHome, String planFingerprint, String started, String tool) {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** On a resume, refuses other homes than the run folder's; a new run folder passes. */
    static void requireSameHomes(RunDirectory run, Homes homes) throws IOException, RunRefusedException {
        if (Files.exists(run.runJson())) {
            RunRecord earlier = read(run);
            if (!earlier.oldHome().equals(homes.oldHome().toString())
                    || !earlier.newHome().equals(homes.newHome().toString())) {
                throw new RunRefusedException(run.root() + " belongs to a run of other homes (" + earlier.oldHome()
                        + " -> " + earlier.newHome() + "); give another --run folder. Nothing was changed.");
            }
        }
    }

    /** The plan the run folder executes so far, when it is another plan than {@code plan}. */
    static Optional<MigrationPlan> earlierPlan(RunDirectory run, MigrationPlan plan) throws IOException {
        if (!Files.exists(run.runJson()) || read(run).planFingerprint().equals(plan.fingerprint().sha256())) {
            return Optional.empty();
        }
        try {
            return Optional.of(PlanJson.read(run.plan()));
        } catch (InputException e) {
            throw new IOException(run.plan() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes run.json and the plan copies when the run first gets past its checks; a resume keeps the first ones. */
    static void startIfNew(RunDirectory run, MigrationPlan plan, Homes homes) throws IOException {
        if (Files.exists(run.runJson())) {
            return;
        }
        keep(run, plan);
        write(run, new RunRecord(homes.oldHome().toString(), homes.newHome().toString(),
                plan.fingerprint().sha256(), Instant.now().toString(), plan.toolVersion()));
    }

    /**
     * Makes {@code plan} the one the run folder executes from now on: kept as the next plans/N-plan.json and as
     * plan.json, and named in run.json. Returns the name of its copy under plans/.
     */
    static String adopt(RunDirectory run, MigrationPlan plan) throws IOException {
        if (!Files.exists(run.plans().resolve("1-plan.json")) && Files.exists(run.plan())) {
            // a run folder started before plans/ existed: its first plan is plan.json
            Files.createDirectories(run.plans());
            AtomicFiles.write(run.plans().resolve("1-plan.json"), Files.readAllBytes(run.plan()));
        }
        Path kept = keep(run, plan);
        RunRecord first = read(run);
        write(run, new RunRecord(first.oldHome(), first.newHome(), plan.fingerprint().sha256(), first.started(),
                plan.toolVersion()));
        return run.root().relativize(kept).toString().replace('\\', '/');
    }

    private static Path keep(RunDirectory run, MigrationPlan plan) throws IOException {
        Files.createDirectories(run.plans());
        int n = 1;
        while (Files.exists(run.plans().resolve(n + "-plan.json"))) {
            n++;
        }
        byte[] json = PlanJson.toJson(plan).getBytes(StandardCharsets.UTF_8);
        Path kept = run.plans().resolve(n + "-plan.json");
        AtomicFiles.write(kept, json);
        AtomicFiles.write(run.plan(), json);
        return kept;
    }

    private static void write(RunDirectory run, RunRecord record) throws IOException {
        AtomicFiles.write(run.runJson(), (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public static RunRecord read(RunDirectory run) throws IOException {
        return JSON.readValue(run.runJson().toFile(), RunRecord.class);
    }

    public Homes homes() {
        return new Homes(java.nio.file.Path.of(oldHome), java.nio.file.Path.of(newHome));
    }
}
