package dev.apimupgrade.report;

import dev.apimupgrade.plan.DeploymentPlan;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanStep;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The coordinated runbook of a deployment (runbook.html beside deployment-plan.json): "traffic stops", the
 * deployment-wide part once on its node, each node's own part in the order traffic allows (Gateways one at a time),
 * "traffic resumes". Each step as the node's own runbook (nodes/&lt;name&gt;/runbook.html) shows it in full; here its
 * id, guide step, what it does and whether migrate does it or the operator does.
 */
public final class DeploymentRunbook {
    private DeploymentRunbook() {}

    /** The runbook without notes on what a node does not carry (tests of the order). */
    public static String html(DeploymentPlan plan, Map<String, MigrationPlan> parts, String planFile) {
        return html(plan, parts, planFile, Map.of());
    }

    /**
     * The runbook; {@code notCarried} gives, per node, the database tables another part carries to its 3.1.0 home
     * that this node does not, with the reason the node's assessment gives (a Gateway's node-local H2 databases: the
     * 3.1.0 pack's own are kept, ADR 0038).
     */
    public static String html(
            DeploymentPlan plan,
            Map<String, MigrationPlan> parts,
            String planFile,
            Map<String, List<RunbookView.LeftOut>> notCarried) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Runbook: ")
                .append(e(plan.deployment()))
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;"
                        + "padding:0 1rem;line-height:1.4}table{border-collapse:collapse;width:100%}"
                        + "td,th{border:1px solid #999;padding:.3rem;text-align:left;vertical-align:top;"
                        + "overflow-wrap:anywhere}.traffic{border:2px solid #333;padding:.5rem;font-weight:bold}"
                        + "code{overflow-wrap:anywhere}</style>\n</head>\n<body>\n<h1>Runbook of the deployment ")
                .append(e(plan.deployment()))
                .append("</h1>\n<p>Follow the sections in this order. Each section is one <code>migrate</code> run ")
                .append("(the command is given); its steps are the node's own runbook's, shown in full in ")
                .append("<code>once/runbook.html</code> and <code>nodes/&lt;name&gt;/runbook.html</code>.</p>\n");
        int n = 0;
        for (DeploymentPlan.Section s : plan.sequence()) {
            n++;
            switch (s.kind()) {
                case DeploymentPlan.TRAFFIC_STOPS ->
                    h.append("<section id=\"traffic-stops\"><h2>")
                            .append(n)
                            .append(". Traffic stops</h2><p class=\"traffic\">Traffic stops here: stop every 3.0.0")
                            .append(" node of the deployment before the first step (the shared databases are about")
                            .append(" to change under them).</p></section>\n");
                case DeploymentPlan.TRAFFIC_RESUMES ->
                    h.append("<section id=\"traffic-resumes\"><h2>")
                            .append(n)
                            .append(". Traffic resumes</h2><p class=\"traffic\">Traffic resumes here: the last")
                            .append(" Gateway has started on 3.1.0.</p></section>\n");
                case DeploymentPlan.DEPLOYMENT_WIDE ->
                    part(
                            h,
                            n,
                            "deployment-wide",
                            "Deployment-wide steps, once, on node " + s.node(),
                            "Done once for the whole deployment, on node " + s.node() + "'s homes (its migration"
                                    + " clients run inside its 3.1.0 server; its configuration steps that come before"
                                    + " them in the guide's order are here too). Every other node waits for them.",
                            Objects.requireNonNull(parts.get(DeploymentPlan.ONCE), "the deployment-wide part"),
                            planFile,
                            DeploymentPlan.ONCE,
                            null,
                            List.of());
                default -> {
                    // a node's section names its node
                    DeploymentPlan.NodePart node =
                            plan.node(Objects.requireNonNull(s.node())).orElseThrow();
                    String gateway = node.group().equals(DeploymentPlan.GROUP_GATEWAY)
                            ? " Gateways go one at a time: start this one on 3.1.0 and check it serves before the next"
                                    + " Gateway stops."
                            : "";
                    part(
                            h,
                            n,
                            "node-" + node.name(),
                            "Node " + node.name() + " (" + String.join(", ", node.serves()) + ")",
                            "Group: " + node.group() + "." + gateway,
                            Objects.requireNonNull(parts.get(node.name()), node.name()),
                            planFile,
                            node.name(),
                            node,
                            notCarried.getOrDefault(node.name(), List.of()));
                }
            }
        }
        return h.append("</body>\n</html>\n").toString();
    }

    private static void part(
            StringBuilder h,
            int n,
            String id,
            String title,
            String note,
            MigrationPlan part,
            String planFile,
            String name,
            DeploymentPlan.@Nullable NodePart node,
            List<RunbookView.LeftOut> notCarried) {
        h.append("<section id=\"")
                .append(e(id))
                .append("\"><h2>")
                .append(n)
                .append(". ")
                .append(e(title))
                .append("</h2>\n<p>")
                .append(e(note))
                .append("</p>\n<p>Run: <code>apim-upgrade migrate --plan ")
                .append(e(planFile))
                .append(" --node ")
                .append(e(name))
                .append("</code></p>\n");
        if (part.steps().isEmpty()) {
            h.append("<p>No step of its own.</p>\n");
        } else {
            h.append("<table><thead><tr><th>Step</th><th>Guide</th><th>What</th><th>By</th></tr></thead><tbody>\n");
            for (PlanStep step : part.steps()) {
                h.append("<tr><td><code>")
                        .append(e(step.id()))
                        .append("</code></td><td>")
                        .append(e(step.guideStep()))
                        .append("</td><td>")
                        .append(e(step.kind() + " " + step.target()))
                        .append("<br>Done when: ")
                        .append(e(step.postCondition()))
                        .append("</td><td>")
                        .append(step.automated() ? "migrate" : "the operator")
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        if (node != null && !node.leftOut().isEmpty()) {
            h.append("<p>Left out of this node (not again):</p><ul>\n");
            node.leftOut()
                    .forEach(l -> h.append("<li><code>")
                            .append(e(l.step()))
                            .append("</code>: ")
                            .append(e(l.reason()))
                            .append("</li>\n"));
            h.append("</ul>\n");
        }
        if (!notCarried.isEmpty()) {
            h.append("<p>Not carried to this node's 3.1.0 home (other nodes carry theirs):</p><ul>\n");
            notCarried.forEach(l -> h.append("<li><code>")
                    .append(e(l.conditionId()))
                    .append("</code>: ")
                    .append(e(l.reason()))
                    .append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("</section>\n");
    }

    private static String e(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : String.valueOf(s).toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
