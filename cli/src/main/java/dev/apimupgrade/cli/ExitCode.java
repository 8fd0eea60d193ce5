package dev.apimupgrade.cli;

/** The process exit codes every command shares; documented in --help. */
public final class ExitCode {
    /** Ready: the assessment found no blocker. */
    public static final int READY = 0;
    /** The assessment found at least one blocker. */
    public static final int BLOCKERS = 1;
    /** evidence --check: the bundle differs from its manifest (shares 1: "look before going on"). */
    public static final int TAMPERED = 1;
    /**
     * assess, plan: no blocker applies, but a blocker condition is UNKNOWN (a database not read, a home not given):
     * not READY until it is settled. Apart from 0 and 1, so a script cannot take a guess for a decision.
     */
    public static final int UNDECIDED = 7;
    /** Bad usage or unreadable input (a malformed file, a path that is not an APIM home). */
    public static final int BAD_INPUT = 2;
    /** An internal error: a bug of the tool, reported in one line. */
    public static final int INTERNAL = 3;
    /** migrate stopped at a step only the operator can do; it says what to do and how to go on. */
    public static final int NEEDS_OPERATOR = 4;
    /** migrate or rollback refused to start or to go on (lock held, stale plan, blocker, running server). */
    public static final int REFUSED = 5;
    /** migrate: a step started and failed half-way; its changes are saved in the run folder (resume or roll back). */
    public static final int STEP_FAILED = 6;

    static final String HELP = "%nExit codes:%n"
            + "  0  ready: no blocker found (plan --check: the plan is current; evidence --check: intact)%n"
            + "  1  blockers found (plan --check: the plan is stale; evidence --check: the bundle was changed;%n"
            + "     verify: a check failed)%n"
            + "  2  bad usage or unreadable input (the message names the file and line)%n"
            + "  3  internal error%n"
            + "  4  migrate: stopped at a step for the operator (the message says how to go on)%n"
            + "  5  migrate, rollback: refused, nothing changed by the refusal (the message says why)%n"
            + "  6  migrate: a step failed half-way; what it changed is saved in the run folder (fix the cause and%n"
            + "     run migrate again to resume, or roll back)%n"
            + "  7  assess, plan: UNDECIDED: no blocker applies, but a blocker condition is UNKNOWN (the summary%n"
            + "     says what settles each); not ready until it is settled%n";

    private ExitCode() {
    }
}
