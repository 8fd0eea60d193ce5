package dev.apimupgrade.fact;

/**
 * A datasource of an analytics home's conf/{@code profile}/deployment.yaml ({@code profile} "worker" or "dashboard"),
 * named as the yaml names it (APIM_ANALYTICS_DB, AM_DB, ...). {@code url} has credentials masked; the user name and
 * password are never kept in a fact.
 */
public record AnalyticsDatasource(
        Role role, String profile, String name, String url, String driverClassName, SourceRef source)
        implements Observation {
    public String observed() {
        return profile + " datasource " + name + " jdbcUrl=" + url;
    }
}
