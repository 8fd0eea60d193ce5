package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.testkit.SkipOrFail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        SkipOrFail.unless(
                Files.isExecutable(Path.of("/usr/bin/script")),
                "util-linux 'script' (Debian package"
                        + " bsdutils) is absent: no pseudo-terminal to test the prompt in");
    }

    @Test
    void atATerminalEachManualStepIsAskedForAFailedCheckIsAskedAgainAndTypingDoneGoesOnToTheEnd() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"));
        List<String> manual = manualSteps(homes);
        List<String> starts = homes.plan().steps().stream()
                .filter(s ->
                        !s.automated() && s.params().getOrDefault("command", "").contains("wso2server"))
                .map(PlanStep::id)
                .toList();
        assertThat(manual).hasSizeGreaterThan(1);
        assertThat(starts).isNotEmpty();
        Path run = tmp.resolve("run");
        List<String> asked = new ArrayList<>();

        // the operator: at a server start, the first "done" comes before starting it (the check must catch that);
        // then the server is started (its log gets a clean 3.1.0 start) and "done" is typed again
        Result r = atTerminal(withoutConfirmations(homes.migrateArgs(run)), step -> {
            if (starts.contains(step) && asked.contains(step)) {
                MigrateHomes.started(homes.newHome());
            }
            asked.add(step);
            return "done";
        });

        assertThat(r.code()).as(r.output()).isEqualTo(ExitCode.READY);
        manual.forEach(id -> assertThat(r.output()).contains("Type done when " + id + " is done"));
        String first = starts.get(0);
        assertThat(r.output())
                .contains("CHECK FAILED after " + first)
                .contains("no 'WSO2 Carbon started in' line: the server did not (yet) finish a start");
        assertThat(asked.stream().filter(first::equals))
                .as("asked again after the failed check")
                .hasSize(2);
        assertThat(r.output()).contains("Every step of the plan is done");
        String journal = Files.readString(run.resolve("journal.jsonl"));
        manual.forEach(id -> assertThat(journal)
                .containsPattern("\"step\":\"" + java.util.regex.Pattern.quote(id)
                        + "\".*the operator confirmed \\(typed at the terminal\\)"));
    }

    @Test
    void aWrongAnswerIsAskedAgainThreeTimesInAllThenStopsAndWithoutATerminalNothingIsAsked() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"));
        String first = manualSteps(homes).get(0);

        Result later = atTerminal(withoutConfirmations(homes.migrateArgs(tmp.resolve("run"))), step -> "later");
        CliRun piped = CliRun.of(
                withoutConfirmations(homes.migrateArgs(tmp.resolve("run"))).toArray(String[]::new));

        assertThat(later.code()).as(later.output()).isEqualTo(ExitCode.NEEDS_OPERATOR);
        assertThat(later.output())
                .contains("That is not 'done': type done once the step is done")
                .contains("Not 'done' 3 times: stopping here.")
                .contains("STOPPED at " + first);
        assertThat(PROMPT.matcher(later.output()).results().map(m -> m.group(1)))
                .as("asked three times for the same step")
                .containsExactly(first, first, first);
        assertThat(piped.code()).isEqualTo(ExitCode.NEEDS_OPERATOR);
        assertThat(piped.out()).contains("STOPPED at " + first).doesNotContain("Type done");
        assertThat(Files.readString(tmp.resolve("run/journal.jsonl"))).doesNotContain("\"status\":\"confirmed\"");
    }

    /**
     * The whole journey typed at a terminal on the default sample: assess, plan, migrate with nothing confirmed where
     * at each prompt the operator first does what the step says (SampleOperator) and then types done, verify, compare
     * and the evidence bundle. Every check of a step passes the first time, verify has no FAIL, compare nothing
     * unexplained, and the journal records each confirmation as typed at the terminal.
     */
    @Test
    void theWholeJourneyAtATerminalDoingEachStepBeforeTypingDoneEndsWithVerifyPassAndNothingUnexplained()
            throws Exception {
        Path old = tmp.resolve("homes/old");
        Path target = tmp.resolve("homes/new");
        MigrateHomes.copyTree(Samples.home(Samples.DEFAULT), old);
        MigrateHomes.copyTree(Samples.home(Samples.TARGET), target);
        Path work = tmp.resolve("work");
        List<String> homes =
                List.of("--old", old.toString(), "--new", target.toString(), "--today", MigrateHomes.TODAY);
        Operator nothingAsked = step -> {
            throw new AssertionError("asked for " + step + " outside migrate");
        };

        expect(
                ExitCode.READY,
                nothingAsked,
                "assess",
                homes,
                "--out",
                work.resolve("assessment").toString());
        expect(
                ExitCode.READY,
                nothingAsked,
                "plan",
                homes,
                "--out",
                work.resolve("plan").toString());
        List<PlanStep> steps = dev.apimupgrade.plan.PlanJson.read(work.resolve("plan/plan.json"))
                .steps();
        SampleOperator operator = new SampleOperator(old, target, IdentityMigrationByHand.h2(old, "default"));
        List<String> typed = new ArrayList<>();
        Result migrated = expect(
                ExitCode.READY,
                step -> {
                    operator.doStep(steps.stream()
                            .filter(s -> s.id().equals(step))
                            .findFirst()
                            .orElseThrow());
                    typed.add(step);
                    return "done";
                },
                "migrate",
                List.of(),
                "--plan",
                work.resolve("plan/plan.json").toString(),
                "--run",
                work.resolve("run").toString());
        Result verified = expect(
                ExitCode.READY,
                nothingAsked,
                "verify",
                homes,
                "--run",
                work.resolve("run").toString(),
                "--out",
                work.resolve("after").toString());
        Result compared = expect(
                ExitCode.READY,
                nothingAsked,
                "compare",
                List.of(),
                "--run",
                work.resolve("run").toString(),
                "--new",
                target.toString(),
                "--out",
                work.resolve("comparison").toString());
        expect(
                ExitCode.READY,
                nothingAsked,
                "evidence",
                List.of(),
                "--before",
                work.resolve("assessment").toString(),
                "--plan",
                work.resolve("plan").toString(),
                "--run",
                work.resolve("run").toString(),
                "--after",
                work.resolve("after").toString(),
                "--comparison",
                work.resolve("comparison").toString(),
                "--out",
                work.resolve("evidence").toString());
        expect(
                ExitCode.READY,
                nothingAsked,
                "evidence",
                List.of(),
                "--check",
                work.resolve("evidence").toString());

        List<String> manual =
                steps.stream().filter(s -> !s.automated()).map(PlanStep::id).toList();
        assertThat(typed).as("each manual step asked once, in the plan's order").isEqualTo(manual);
        assertThat(migrated.output()).doesNotContain("CHECK FAILED").contains("Every step of the plan is done");
        assertThat(verified.output()).contains("PASS").doesNotContain("FAIL");
        assertThat(compared.output()).containsPattern(" 0 unexplained");
        String journal = Files.readString(work.resolve("run/journal.jsonl"));
        manual.forEach(id -> assertThat(journal)
                .containsPattern("\"step\":\"" + java.util.regex.Pattern.quote(id)
                        + "\".*the operator confirmed \\(typed at the terminal\\)"));
        String board = Files.readString(work.resolve("evidence/index.html"));
        assertThat(board).contains("READY").contains("PASS").contains("0 unexplained");
        manual.forEach(id -> assertThat(board)
                .as("the board shows the confirmation of " + id)
                .contains(id));
    }

    /** One command typed at the terminal, which must end with that exit code. */
    private Result expect(int code, Operator operator, String command, List<String> homes, String... options)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(homes);
        args.addAll(List.of(options));
        Result r = atTerminal(args, operator);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.output()).isEqualTo(code);
        assertThat(r.output()).doesNotContain("Exception");
        return r;
    }

    private static List<String> manualSteps(MigrateHomes homes) throws Exception {
        return homes.plan().steps().stream()
                .filter(s -> !s.automated())
                .map(PlanStep::id)
                .toList();
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

    record Result(int code, String output) {}

    /** What the operator types at a prompt for a step (and may do first), by the step's id. */
    interface Operator {
        String answer(String step) throws Exception;
    }

    private static final java.util.regex.Pattern PROMPT =
            java.util.regex.Pattern.compile("Type done when (\\S+) is done \\(");

    /** Runs the CLI in a child JVM on a pseudo-terminal; at each prompt the operator answers (after doing the step). */
    private Result atTerminal(List<String> args, Operator operator) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        String shell = String.join(
                " ", command.stream().map(MigrateAtATerminalTest::quoted).toList());
        Path log = tmp.resolve("terminal.log");
        Process p = new ProcessBuilder("script", "-qec", shell, "/dev/null")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        int answered = 0;
        try (var typing = p.getOutputStream()) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                java.util.regex.Matcher m = PROMPT.matcher(Files.readString(log).replace("\r", ""));
                int prompts = 0;
                String step = null;
                while (m.find()) {
                    prompts++;
                    step = m.group(1);
                }
                if (prompts > answered) {
                    answered = prompts;
                    typing.write((operator.answer(step) + "\n").getBytes(StandardCharsets.UTF_8));
                    typing.flush();
                }
                Thread.sleep(100);
            }
        } catch (java.io.IOException e) {
            // the run ended while the operator was typing: its exit code tells the rest
        }
        assertThat(p.waitFor(
                        Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())), TimeUnit.SECONDS))
                .as("the run at the terminal ended")
                .isTrue();
        return new Result(p.exitValue(), Files.readString(log).replace("\r", ""));
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
