package dev.apimupgrade.cli;

import dev.apimupgrade.execute.RunOutcome;
import java.io.Console;
import java.util.Optional;

/**
 * At a terminal, asks the operator for what a stopped run waits for: "done" for a manual step (or one whose check
 * failed and was fixed), or where the full database backup is. An empty line or end of input stops the run as it
 * would stop without a terminal, so a run in a script or a pipe never waits for a person. Anything but "done" at a
 * confirmation is a typo more often than a decision: the question is asked again, {@link #ATTEMPTS} times in all,
 * and the answer is never echoed (an operator may have pasted a password into the wrong window).
 */
final class OperatorPrompt {
    static final String DONE = "done";
    static final int ATTEMPTS = 3;

    private final Console console;

    private OperatorPrompt(Console console) {
        this.console = console;
    }

    /** Asks at the terminal, unless there is none or the operator said not to ask. */
    static OperatorPrompt of(Console console, boolean noPrompt) {
        return new OperatorPrompt(noPrompt ? null : console);
    }

    /** The operator's answer for what the outcome waits for; empty to stop here. */
    Optional<String> ask(RunOutcome outcome) {
        if (console == null || outcome.completed()) {
            return Optional.empty();
        }
        String question = switch (outcome.awaits()) {
            case CONFIRMATION ->
                "Type " + DONE + " when " + outcome.stoppedAt() + " is done (Enter alone stops here;"
                        + " run migrate again to go on later): ";
            case DATABASE_BACKUP ->
                "Where is your full backup of that database? No password (Enter alone stops" + " here): ";
            case NOTHING -> null;
        };
        if (question == null) {
            return Optional.empty();
        }
        for (int attempt = 1; ; attempt++) {
            String line = console.readLine("%s", question);
            if (line == null || line.isBlank()) {
                return Optional.empty();
            }
            String answer = line.strip();
            if (outcome.awaits() != RunOutcome.Awaits.CONFIRMATION || answer.equalsIgnoreCase(DONE)) {
                return Optional.of(answer);
            }
            if (attempt == ATTEMPTS) {
                console.printf("Not '%s' %d times: stopping here.%n", DONE, ATTEMPTS);
                return Optional.empty();
            }
            console.printf(
                    "That is not '%s': type %s once the step is done, or press Enter alone to stop here.%n",
                    DONE, DONE);
        }
    }
}
