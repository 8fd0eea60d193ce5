package dev.apimupgrade.report;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The assessment as a JUnit XML report, so a CI pipeline that rehearses the upgrade shows each condition as a test:
 * a blocker that applies is a failure, a blocker not decided (UNKNOWN) an error (the run could not tell), any other
 * UNKNOWN condition is skipped, and the rest pass. One suite per guide chapter, in the assessment's order.
 */
public final class JunitReport {
    private static final String BLOCKER = "BLOCKER";

    private JunitReport() {}

    public static String xml(AssessmentReport report) {
        List<ConditionView> conditions = report.conditions();
        List<String> chapters =
                conditions.stream().map(ConditionView::chapter).distinct().toList();
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "apim-upgrade assess " + report.summary().verdict());
            writeCounts(x, conditions);
            for (String chapter : chapters) {
                List<ConditionView> of = conditions.stream()
                        .filter(c -> c.chapter().equals(chapter))
                        .toList();
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", chapter);
                writeCounts(x, of);
                for (ConditionView c : of) {
                    writeCase(x, chapter, c);
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            // only strings are written: failing to is a bug, not bad input
            throw new IllegalStateException("cannot write the JUnit report", e);
        }
        return text + "\n";
    }

    private static void writeCounts(XMLStreamWriter x, List<ConditionView> conditions) throws XMLStreamException {
        x.writeAttribute("tests", String.valueOf(conditions.size()));
        x.writeAttribute(
                "failures",
                String.valueOf(conditions.stream().filter(JunitReport::failed).count()));
        x.writeAttribute(
                "errors",
                String.valueOf(
                        conditions.stream().filter(JunitReport::undecided).count()));
        x.writeAttribute(
                "skipped",
                String.valueOf(conditions.stream()
                        .filter(c -> c.status().equals("UNKNOWN") && !undecided(c))
                        .count()));
    }

    private static void writeCase(XMLStreamWriter x, String chapter, ConditionView c) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "apim-upgrade." + chapter);
        x.writeAttribute("name", c.id() + " " + c.title());
        if (failed(c) || undecided(c)) {
            x.writeStartElement(failed(c) ? "failure" : "error");
            x.writeAttribute("type", c.severity() + " " + c.status());
            x.writeAttribute("message", String.join(" ", c.messages()));
            x.writeCharacters(details(c));
            x.writeEndElement();
        } else if (c.status().equals("UNKNOWN")) {
            x.writeStartElement("skipped");
            x.writeAttribute("message", String.join(" ", c.messages()));
            x.writeEndElement();
        } else if (c.status().equals("APPLIES")) {
            x.writeStartElement("system-out");
            x.writeCharacters(c.severity() + " applies: " + details(c));
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static String details(ConditionView c) {
        StringBuilder s = new StringBuilder();
        c.messages().forEach(m -> s.append(m).append('\n'));
        if (c.remediation() != null) {
            s.append("Remediation: ").append(c.remediation()).append('\n');
        }
        c.evidence()
                .forEach(e -> s.append("Evidence: ")
                        .append(e.source())
                        .append(": ")
                        .append(e.observed())
                        .append('\n'));
        s.append("Guide: ")
                .append(c.guideSection().step())
                .append(' ')
                .append(c.guideSection().link());
        return s.toString();
    }

    private static boolean failed(ConditionView c) {
        return c.severity().equals(BLOCKER) && c.status().equals("APPLIES");
    }

    private static boolean undecided(ConditionView c) {
        return c.severity().equals(BLOCKER) && c.status().equals("UNKNOWN");
    }
}
