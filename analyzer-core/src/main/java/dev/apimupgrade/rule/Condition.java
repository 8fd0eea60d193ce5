package dev.apimupgrade.rule;

import java.util.List;

/**
 * One catalogue entry: a condition of the upgrade guide (or a check beyond it) with its stable ID, the guide step and
 * heading anchor it belongs to, its severity when it applies, and what evidence decides it. {@code nodes} says where
 * the guide runs its step in a distributed setup (gateway, traffic-manager, publisher, devportal, once, analytics);
 * empty means every node.
 */
public record Condition(
        String id,
        String title,
        String chapter,
        String step,
        String anchor,
        Severity severity,
        String needs,
        boolean beyondGuide,
        String remediation,
        List<String> nodes) {

    public Condition {
        nodes = List.copyOf(nodes);
    }

    /** A condition whose step runs on every node. */
    public Condition(
            String id,
            String title,
            String chapter,
            String step,
            String anchor,
            Severity severity,
            String needs,
            boolean beyondGuide,
            String remediation) {
        this(id, title, chapter, step, anchor, severity, needs, beyondGuide, remediation, List.of());
    }

    /** The published guide this catalogue follows; anchors are its headings. */
    public static final String GUIDE_URL =
            "https://apim.docs.wso2.com/en/3.1.0/install-and-setup/upgrading-wso2-api-manager/upgrading-from-300-to-310/";

    public String guideLink() {
        return GUIDE_URL + "#" + anchor;
    }
}
