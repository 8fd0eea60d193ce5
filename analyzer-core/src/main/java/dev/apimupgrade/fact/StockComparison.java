package dev.apimupgrade.fact;

/**
 * The comparison of an old-home file with its stock counterpart. {@code baseline} says what it was compared with
 * ("3.1.0 home" or "stock 3.0.0 hash"); {@code matchesStock} is the observed outcome. {@code category} is
 * "synapse" or "executionplan".
 */
public record StockComparison(
        Role role,
        String category,
        String tenant,
        String relativePath,
        boolean matchesStock,
        String baseline,
        SourceRef source)
        implements ComparedWithNewHome {
    public String observed() {
        return relativePath + (matchesStock ? " is identical to " : " differs from ") + baseline;
    }
}
