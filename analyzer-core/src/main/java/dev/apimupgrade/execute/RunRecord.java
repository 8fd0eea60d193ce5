package dev.apimupgrade.execute;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;

/**
 * run.json: which homes and which plan (by fingerprint) a run directory belongs to, written when the run first starts,
 * so a resumed run, a rollback or a reviewer works on the same homes; plan.json beside it is the plan as executed.
 */
@JsonPropertyOrder({"oldHome", "newHome", "planFingerprint", "started", "tool"})
public record RunRecord(String oldHome, String newHome, String planFingerprint, String started, String tool) {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** On a resume, refuses other homes or another plan than the run folder's; a new run folder passes. */
    static void requireSameRun(RunDirectory run, MigrationPlan plan, Homes homes) throws IOException,
            RunRefusedException {
        if (Files.exists(run.runJson())) {
            RunRecord earlier = read(run);
            if (!earlier.planFingerprint().equals(plan.fingerprint().sha256())
                    || !earlier.oldHome().equals(homes.oldHome().toString())
                    || !earlier.newHome().equals(homes.newHome().toString())) {
                throw new RunRefusedException(run.root() + " belongs to a run of another plan or other homes ("
                        + earlier.oldHome() + " -> " + earlier.newHome() + "); give another --run folder."
                        + " Nothing was changed.");
            }
        }
    }

    /** Writes run.json and the plan copy when the run first gets past its checks; a resume keeps the first ones. */
    static void startIfNew(RunDirectory run, MigrationPlan plan, Homes homes) throws IOException {
        if (Files.exists(run.runJson())) {
            return;
        }
        AtomicFiles.write(run.plan(), PlanJson.toJson(plan).getBytes(StandardCharsets.UTF_8));
        RunRecord record = new RunRecord(homes.oldHome().toString(), homes.newHome().toString(),
                plan.fingerprint().sha256(), Instant.now().toString(), plan.toolVersion());
        AtomicFiles.write(run.runJson(), (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public static RunRecord read(RunDirectory run) throws IOException {
        return JSON.readValue(run.runJson().toFile(), RunRecord.class);
    }

    public Homes homes() {
        return new Homes(java.nio.file.Path.of(oldHome), java.nio.file.Path.of(newHome));
    }
}
