package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.plan.PlanStep;
import java.util.ArrayList;
import java.util.List;

/**
 * migrate run as a careful operator runs it without a terminal: started with nothing confirmed, and at each stop the
 * step is done for real ({@link SampleOperator}), confirmed, and migrate run again, until the run no longer stops.
 * Nothing is confirmed before its stop, and a confirmed step that stops again fails the test.
 */
final class StopByStop {
    /** One migrate run with the steps confirmed so far (the answers file's migrate.confirmed). */
    interface Migrate {
        CliRun run(List<String> confirmed) throws Exception;
    }

    /** The steps of the plan the run executes now (after drift, the adopted one). */
    interface Steps {
        List<PlanStep> now() throws Exception;
    }

    /** What happens at a stop before the operator does the step (the world may change while the run waits). */
    interface AtStop {
        void before(CliRun stopped) throws Exception;
    }

    private final SampleOperator operator;
    private final List<String> confirmed = new ArrayList<>();

    StopByStop(SampleOperator operator) {
        this.operator = operator;
    }

    /** The steps confirmed so far, in the order of their stops. */
    List<String> confirmed() {
        return confirmed;
    }

    /** Runs migrate stop by stop; returns the last run (the one that did not stop). */
    CliRun walk(Migrate migrate, Steps steps) throws Exception {
        return walk(migrate, steps, stopped -> {});
    }

    CliRun walk(Migrate migrate, Steps steps, AtStop atStop) throws Exception {
        CliRun run = migrate.run(List.copyOf(confirmed));
        while (run.code() == ExitCode.NEEDS_OPERATOR) {
            atStop.before(run);
            String stopped = stoppedAt(run);
            assertThat(confirmed)
                    .as("stopped again at a confirmed step: " + run.out())
                    .doesNotContain(stopped);
            operator.doStep(steps.now().stream()
                    .filter(s -> s.id().equals(stopped))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the plan has no step " + stopped)));
            confirmed.add(stopped);
            run = migrate.run(List.copyOf(confirmed));
        }
        return run;
    }

    /** The step a run stopped at, from its "STOPPED at ID." line. */
    static String stoppedAt(CliRun r) {
        return r.out()
                .lines()
                .filter(l -> l.startsWith("STOPPED at "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.out() + r.err()))
                .replaceFirst("^STOPPED at (.*)\\.$", "$1");
    }
}
