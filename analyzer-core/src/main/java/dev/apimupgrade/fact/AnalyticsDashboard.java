package dev.apimupgrade.fact;

/**
 * A dashboard definition in an analytics home's wso2/dashboard/resources/dashboards folder, which the dashboard
 * profile imports at start; {@code custom} means its name is not one of the dashboards API-M Analytics ships.
 */
public record AnalyticsDashboard(Role role, String name, boolean custom, SourceRef source) implements Observation {
    public String observed() {
        return "dashboard " + name + (custom ? " (custom)" : " (ships with API-M Analytics)");
    }
}
