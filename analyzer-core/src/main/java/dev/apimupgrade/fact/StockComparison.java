package dev.apimupgrade.fact;

/**
 * The comparison of an old-home file with its stock counterpart. {@code category} says which tree the file is in,
 * {@code baseline} what it was compared with; {@code matchesStock} is the observed outcome.
 */
public record StockComparison(
        Role role,
        Category category,
        String tenant,
        String relativePath,
        boolean matchesStock,
        Baseline baseline,
        SourceRef source)
        implements ComparedWithNewHome {

    /** The tree an old file was compared from: a synapse configuration or an execution plan. */
    public enum Category {
        SYNAPSE,
        EXECUTION_PLAN
    }

    /** What an old file was compared with; its text is how observations and rule reasons name it. */
    public enum Baseline {
        /** The same file in the 3.1.0 home (files nobody touched are identical across the two GA packs). */
        NEW_HOME("3.1.0 home"),
        /** The stock 3.0.0 file's hash embedded in the tool, when no new home holds the file. */
        STOCK_HASH("stock 3.0.0 hash");

        private final String text;

        Baseline(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public String observed() {
        return relativePath + (matchesStock ? " is identical to " : " differs from ") + baseline;
    }
}
