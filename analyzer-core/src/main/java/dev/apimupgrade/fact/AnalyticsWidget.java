package dev.apimupgrade.fact;

/**
 * A widget folder of an analytics home's dashboard portal (wso2/dashboard/deployment/web-ui-apps/analytics-dashboard/
 * extensions/widgets); an old widget the new pack does not ship is the user's own, part of a custom dashboard.
 */
public record AnalyticsWidget(Role role, String name, SourceRef source) implements Observation {
    public String observed() {
        return "dashboard widget " + name;
    }
}
