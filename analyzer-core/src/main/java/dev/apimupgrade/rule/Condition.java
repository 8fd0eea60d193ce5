package dev.apimupgrade.rule;

/**
 * One catalogue entry: a condition of the upgrade guide (or a check beyond it) with its stable ID, the guide step and
 * heading anchor it belongs to, its severity when it applies, and what evidence decides it.
 */
public record Condition(String id, String title, String chapter, String step, String anchor, Severity severity,
                        String needs, boolean beyondGuide, String remediation) {

    /** The published guide this catalogue follows; anchors are its headings. */
    public static final String GUIDE_URL =
            "https://apim.docs.wso2.com/en/3.1.0/install-and-setup/upgrading-wso2-api-manager/upgrading-from-300-to-310/";

    public String guideLink() {
        return GUIDE_URL + "#" + anchor;
    }
}
