package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migrate at a real terminal: the child runs under util-linux {@code script}, which gives it a pseudo-terminal and
 * passes it what the operator types. At a manual step the run asks; "done" confirms the step (journalled as typed at
 * the terminal) and the run goes on; anything else stops it as a run without a terminal stops, which asks nothing.
 * Skips where {@code script} is absent, except under CI=true.
 */
class MigrateAtATerminalTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void scriptIsThere() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/script"));
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(present, "util-linux 'script' is absent: no pseudo-terminal to test the prompt in");
        }
        assertThat(present).as("util-linux 'script' (Debian package bsdutils) is needed under CI=true").isTrue();
    }

    @Test
    void atATerminalEachManualStepIsAskedForAndTypingDoneGoesOnToTheEnd() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"));
        List<String> manual = manualSteps(homes);
        assertThat(manual).hasSizeGreaterThan(1);
        Path run = tmp.resolve("run");

        Result r = atTerminal(withoutConfirmations(homes.migrateArgs(run)), "done\n".repeat(manual.size()));

        assertThat(r.code()).as(r.output()).isEqualTo(ExitCode.READY);
        manual.forEach(id -> assertThat(r.output()).contains("Type done when " + id + " is done"));
        assertThat(r.output()).contains("Every step of the plan is done");
        String journal = Files.readString(run.resolve("journal.jsonl"));
        manual.forEach(id -> assertThat(journal).containsPattern(
                "\"step\":\"" + java.util.regex.Pattern.quote(id) + "\".*the operator confirmed \\(typed at the terminal\\)"));
    }

    @Test
    void anythingButDoneStopsTheRunAndWithoutATerminalNothingIsAsked() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"));
        String first = manualSteps(homes).get(0);

        Result later = atTerminal(withoutConfirmations(homes.migrateArgs(tmp.resolve("run"))), "later\n");
        CliRun piped = CliRun.of(withoutConfirmations(homes.migrateArgs(tmp.resolve("run"))).toArray(String[]::new));

        assertThat(later.code()).as(later.output()).isEqualTo(ExitCode.NEEDS_OPERATOR);
        assertThat(later.output()).contains("Type done when " + first).contains("Not 'done': stopping here.")
                .contains("STOPPED at " + first);
        assertThat(piped.code()).isEqualTo(ExitCode.NEEDS_OPERATOR);
        assertThat(piped.out()).contains("STOPPED at " + first).doesNotContain("Type done");
        assertThat(Files.readString(tmp.resolve("run/journal.jsonl"))).doesNotContain("\"status\":\"confirmed\"");
    }

    private static List<String> manualSteps(MigrateHomes homes) throws Exception {
        return homes.plan().steps().stream().filter(s -> !s.automated()).map(PlanStep::id).toList();
    }

    private static List<String> withoutConfirmations(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--confirm")) {
                i++;
            } else {
                out.add(args.get(i));
            }
        }
        return out;
    }

    record Result(int code, String output) {
    }

    /** Runs the CLI in a child JVM on a pseudo-terminal, typing {@code typed} into it. */
    private Result atTerminal(List<String> args, String typed) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        String shell = String.join(" ", command.stream().map(MigrateAtATerminalTest::quoted).toList());
        Path log = tmp.resolve("terminal.log");
        Process p = new ProcessBuilder("script", "-qec", shell, "/dev/null").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        p.getOutputStream().write(typed.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("the run at the terminal ended").isTrue();
        return new Result(p.exitValue(), Files.readString(log).replace("\r", ""));
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
