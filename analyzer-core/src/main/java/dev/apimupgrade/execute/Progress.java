package dev.apimupgrade.execute;

/**
 * How far a long step is (files of a synapse tree copied, statements of a script run), for a display on the terminal;
 * the engine's output and journal never depend on it. {@link #NONE} shows nothing.
 */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void update(String stepId, long done, long total, String unit) {}

        @Override
        public void finish(String stepId) {}
    };

    /** {@code done} of {@code total} {@code unit}s ("files", "statements") of the step are through. */
    void update(String stepId, long done, long total, String unit);

    /** The step's long work ended (done or failed). */
    void finish(String stepId);
}
