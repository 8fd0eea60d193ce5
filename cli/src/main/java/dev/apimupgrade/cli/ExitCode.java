package dev.apimupgrade.cli;

/** The process exit codes of the commands; each command's --help lists its own (CommandHelp). */
public final class ExitCode {
    /** Ready: the assessment found no blocker. */
    public static final int READY = 0;
    /** collect: the snapshot was written (its other outcomes are BAD_INPUT and INTERNAL). */
    public static final int COLLECTED = 0;
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

    /**
     * migrate --node: the node's steps wait for the deployment-wide steps, not yet journalled done (ADR 0032); nothing
     * was changed.
     */
    public static final int WAITS_FOR_DEPLOYMENT = 8;

    private ExitCode() {}
}
