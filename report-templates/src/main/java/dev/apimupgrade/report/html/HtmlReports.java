package dev.apimupgrade.report.html;

import dev.apimupgrade.report.AssessmentReport;
import dev.apimupgrade.report.BoardSummary;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the report view models as self-contained HTML pages with FreeMarker. Templates are {@code .ftlh}, so every
 * value is HTML-escaped; they only loop over and format the view model, which decides everything.
 */
public final class HtmlReports {
    private static final TemplateMethodModelEx BREAKABLE = arguments -> {
        if (arguments.size() != 1) {
            throw new TemplateModelException("breakable takes one value");
        }
        String value = arguments.get(0) instanceof TemplateScalarModel scalar
                ? scalar.getAsString()
                : String.valueOf(arguments.get(0));
        return HTMLOutputFormat.INSTANCE.fromMarkup(breakable(value));
    };
    private static final Configuration FREEMARKER = configuration();

    private HtmlReports() {}

    /** The assessment page: verdict, then blockers, warnings, steps, unknown and not applicable, actions, datasources. */
    public static String assessment(AssessmentReport report) {
        return render("assessment.ftlh", Map.of("report", report));
    }

    /** assess --deployment's deployment-assessment.html: the verdict, each node and the conditions across nodes. */
    public static String deploymentAssessment(dev.apimupgrade.report.DeploymentReport report) {
        return render("deployment-assessment.ftlh", Map.of("report", report));
    }

    /** verify's after-report.html: the verdict, then each planned action's check, then the expected 3.1.0 state. */
    public static String afterReport(dev.apimupgrade.report.AfterReport report) {
        return render("after-report.ftlh", Map.of("report", report));
    }

    /** The evidence bundle's index.html: one printable page for a change board, opening the bundle. */
    public static String boardSummary(BoardSummary summary) {
        return render("board-summary.ftlh", Map.of("board", summary));
    }

    /** comparison.html: the before/after comparison of {@link dev.apimupgrade.report.Comparison} on its own page. */
    public static String comparison(dev.apimupgrade.report.Comparison comparison) {
        return render(
                "comparison.ftlh", Map.of("comparison", dev.apimupgrade.report.ComparisonJson.document(comparison)));
    }

    /** The same comparison as one {@code <section id="comparison">}, for a page that embeds it (the after-report). */
    public static String comparisonSection(dev.apimupgrade.report.Comparison comparison) {
        return render(
                "comparison-section.ftlh",
                Map.of("comparison", dev.apimupgrade.report.ComparisonJson.document(comparison)));
    }

    /**
     * {@code breakable(path)} in a template: the value HTML-escaped, with a {@code <wbr>} after each / \ : = , and
     * each piece with a hyphen in a {@code <span class="nb">} that the pages keep on one line
     * so that a long path or URL can wrap at its separators instead of widening its column or being cut, while
     * copying it still gives the path unchanged. Only for paths and identifiers, never for observed values: a sweep
     * for a planted secret must still find it whole.
     */
    static String breakable(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            segment.append(ch);
            if ("/\\:=,".indexOf(ch) >= 0 && i < value.length() - 1) {
                appendSegment(out, segment.toString());
                out.append("<wbr>");
                segment.setLength(0);
            }
        }
        appendSegment(out, segment.toString());
        return out.toString();
    }

    /** One piece between separators, escaped; each word of it with a hyphen kept on one line (a browser may break after one). */
    private static void appendSegment(StringBuilder out, String segment) {
        java.util.regex.Matcher words = WORD_OR_SPACE.matcher(segment);
        while (words.find()) {
            String word = words.group();
            String escaped = HTMLOutputFormat.INSTANCE.escapePlainText(word);
            out.append(
                    word.indexOf('-') >= 0 && !word.isBlank() ? "<span class=\"nb\">" + escaped + "</span>" : escaped);
        }
    }

    private static final java.util.regex.Pattern WORD_OR_SPACE = java.util.regex.Pattern.compile("\\s+|\\S+");

    static String render(String template, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            FREEMARKER.getTemplate(template).process(model, out);
        } catch (IOException | TemplateException e) {
            // The templates ship inside this jar and the model is tested; a failure here is a bug, not bad input.
            throw new IllegalStateException("cannot render " + template + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static Configuration configuration() {
        // 2.3.33+ exposes record accessors (report.summary.verdict) as properties, so the view records need no getters.
        Configuration c = new Configuration(Configuration.VERSION_2_3_35);
        c.setClassForTemplateLoading(HtmlReports.class, "/dev/apimupgrade/report/html");
        c.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35).build());
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setNumberFormat("computer");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setSharedVariable("breakable", BREAKABLE);
        return c;
    }
}
