package dev.apimupgrade.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The after-report verify writes (after-report.json, after-report.html): one check per planned action's
 * post-condition and per expected 3.1.0 state, each PASS, FAIL or UNKNOWN with the evidence it was judged on
 * (home-relative file and line, or database object). It holds no secret: keys and paths only, never a value.
 */
public record AfterReport(ToolInfo tool, String verdict, int passed, int failed, int unknown, List<Check> checks) {
    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
    public static final String UNKNOWN = "UNKNOWN";

    /**
     * {@code group}: "plan" (a planned action's post-condition) or "state" (the expected 3.1.0 state). {@code
     * differences}: what a comparison check found, each unexpected (why it failed) or documented (listed, not failed).
     */
    public record Check(
            String id,
            String group,
            String title,
            String status,
            String detail,
            List<String> evidence,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Difference> differences) {
        public Check {
            evidence = List.copyOf(evidence);
            differences = List.copyOf(differences);
        }

        public Check(String id, String group, String title, String status, String detail, List<String> evidence) {
            this(id, group, title, status, detail, evidence, List.of());
        }
    }

    /**
     * One difference between what was found and what was expected, on a database object ({@code where}:
     * "db:apim_db/AM_USER", "db:apim_db/AM_API.API_NAME", "db:apim_db/AM_SYSTEM_APPS UNIQUE (NAME)"). {@code expected}
     * and {@code observed} are definitions (a column's type and nullability; present or absent for a table or key).
     * {@code status} is {@link #UNEXPECTED} or {@link #DOCUMENTED}, which has the {@code reason}.
     */
    public record Difference(
            String where, String kind, String object, String expected, String observed, String status, String reason) {
        public static final String UNEXPECTED = "unexpected";
        public static final String DOCUMENTED = "documented";

        public boolean documented() {
            return status.equals(DOCUMENTED);
        }
    }

    public AfterReport {
        checks = List.copyOf(checks);
    }

    /** Counts and the overall verdict: FAIL when any check fails, else PASS (UNKNOWN checks are listed, not failed). */
    public static AfterReport of(ToolInfo tool, List<Check> checks) {
        int pass = (int) checks.stream().filter(c -> c.status().equals(PASS)).count();
        int fail = (int) checks.stream().filter(c -> c.status().equals(FAIL)).count();
        int unknown = checks.size() - pass - fail;
        return new AfterReport(tool, fail > 0 ? FAIL : PASS, pass, fail, unknown, checks);
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> c.status().equals(FAIL)).toList();
    }

    public List<Check> ofGroup(String group) {
        return checks.stream().filter(c -> c.group().equals(group)).toList();
    }

    /** A group's checks as the page lists them: FAIL first, then UNKNOWN, then PASS, each in the group's order. */
    public List<Check> ofGroupWorstFirst(String group) {
        return ofGroup(group).stream()
                .sorted(java.util.Comparator.comparingInt(AfterReport::rank))
                .toList();
    }

    private static int rank(Check c) {
        return c.status().equals(FAIL) ? 0 : c.status().equals(PASS) ? 2 : 1;
    }
}
