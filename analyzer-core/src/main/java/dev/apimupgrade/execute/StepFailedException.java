package dev.apimupgrade.execute;

/**
 * A step was started and failed half-way (its action threw, or its post-condition does not hold after it ran): unlike
 * a refusal, the homes may have changed, every change is saved under the run folder, and the journal records the
 * failure. Rerun migrate to resume after fixing the cause, or roll back.
 */
public final class StepFailedException extends RunRefusedException {
    public StepFailedException(String message) {
        super(message);
    }
}
