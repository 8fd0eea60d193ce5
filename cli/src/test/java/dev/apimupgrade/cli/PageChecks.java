package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * What issue 18 asks of every HTML page, checked in headless Chromium: at 1024, 1440 and 2560 px the page renders,
 * no table cell is narrower than its longest word (measured by measure-page.js in the laid-out page) and the verdict
 * box lies within the first screen; printed to PDF, page 1 holds the verdict, no glyph falls outside its page and no
 * cell's code text is lost.
 */
final class PageChecks {

    private static final Pattern MEASURED = Pattern.compile("<pre id=\"measured\">([^<]*)</pre>");

    private PageChecks() {}

    /** The page laid out at width x height, as measure-page.js saw it. */
    static JsonNode measure(Path workDir, Path page, int width, int height) throws IOException, InterruptedException {
        String script;
        try (InputStream in = PageChecks.class.getResourceAsStream("measure-page.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // a copy beside the page, so that its relative links stay the same; the page itself is left as written
        Path copy = page.resolveSibling("measured-" + width + "-" + page.getFileName());
        String html = Files.readString(page);
        assertThat(html).contains("</body>");
        Files.writeString(copy, html.replace("</body>", "<script>\n" + script + "\n</script>\n</body>"));
        HeadlessChromium.Result result = HeadlessChromium.run(
                workDir,
                "--window-size=" + width + "," + height,
                "--dump-dom",
                copy.toUri().toString());
        Matcher m = MEASURED.matcher(result.stdout());
        assertThat(m.find())
                .as("the measuring script ran; console: %s", result.consoleLines())
                .isTrue();
        return new ObjectMapper().readTree(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
    }

    /** The readability checks at one screen size: a non-blank screenshot, no squeezed cell, the verdict on screen. */
    static JsonNode assertReadableOnScreen(Path workDir, Path page, int width, int height) throws Exception {
        HeadlessChromium.Screenshot shot = HeadlessChromium.screenshot(workDir, page, width, height);
        assertThat(shot.width()).isEqualTo(width);
        assertThat(shot.distinctColours())
                .as("distinct colours in the screenshot at %d px", width)
                .isGreaterThan(20);

        JsonNode layout = measure(workDir, page, width, height);
        assertThat(layout.get("innerWidth").asInt())
                .as("laid out at the window's width")
                .isEqualTo(width);
        assertThat(layout.get("cells").asInt()).as("table cells measured").isPositive();
        assertThat(layout.get("squeezed"))
                .as("cells narrower than their longest word at %d px", width)
                .isEmpty();
        assertThat(layout.get("scrollWidth").asInt())
                .as("no sideways scrolling at %d px", width)
                .isLessThanOrEqualTo(width);
        assertThat(layout.get("verdictTop").asDouble())
                .as("the page has a verdict box")
                .isGreaterThanOrEqualTo(0);
        assertThat(layout.get("verdictBottom").asDouble())
                .as("the verdict box ends within the first screen")
                .isLessThanOrEqualTo(height);
        return layout;
    }

    /** The page's text as PDFBox reads it, page by page, and how many glyphs lie outside their page. */
    record Printed(List<String> pages, int glyphsOutside) {
        String all() {
            return String.join("\n", pages);
        }
    }

    /** The page as Chromium prints it, without header and footer: a PDF file in {@code workDir}. */
    static Path printedPdf(Path workDir, Path page) throws IOException, InterruptedException {
        Path pdf = Files.createTempFile(workDir, "printed", ".pdf");
        HeadlessChromium.run(
                workDir,
                "--no-pdf-header-footer",
                "--print-to-pdf=" + pdf,
                page.toUri().toString());
        return pdf;
    }

    /** The page renders to a screenshot {@code width} wide that is not blank (more than 20 distinct colours). */
    static void assertRendersNonBlank(Path workDir, Path page, int width, int height) throws Exception {
        HeadlessChromium.Screenshot shot = HeadlessChromium.screenshot(workDir, page, width, height);
        assertThat(shot.width()).isEqualTo(width);
        assertThat(shot.distinctColours())
                .as("distinct colours in the screenshot")
                .isGreaterThan(20);
    }

    static Printed printToPdf(Path workDir, Path page) throws IOException, InterruptedException {
        Path pdf = printedPdf(workDir, page);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<String> pages = new ArrayList<>();
            int[] outside = {0};
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) throws IOException {
                        for (TextPosition g : positions) {
                            float x = g.getXDirAdj();
                            float y = g.getYDirAdj();
                            if (x < -0.5f
                                    || x + g.getWidthDirAdj() > g.getPageWidth() + 0.5f
                                    || y < -0.5f
                                    || y > g.getPageHeight() + 0.5f) {
                                outside[0]++;
                            }
                        }
                        super.writeString(text, positions);
                    }
                };
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(document));
            }
            return new Printed(pages, outside[0]);
        }
    }

    /**
     * Prints the page and checks it page by page: at least one page, the verdict's text on page 1, no glyph off its
     * page, and every code value of a table cell (a path, an id) somewhere in the printed text.
     */
    static Printed assertPrintsPageByPage(Path workDir, Path page, JsonNode layout) throws Exception {
        Printed printed = printToPdf(workDir, page);

        assertThat(printed.pages()).as("printed pages").isNotEmpty();
        assertThat(squash(printed.pages().get(0)))
                .as("page 1 holds the verdict")
                .contains(squash(firstWords(layout.get("verdictText").asText(), 12)));
        assertThat(printed.glyphsOutside())
                .as("glyphs printed outside their page")
                .isZero();
        String all = squash(printed.all());
        List<String> lost = new ArrayList<>();
        layout.get("cellCodes").forEach(c -> {
            if (!all.contains(squash(c.asText()))) {
                lost.add(c.asText());
            }
        });
        assertThat(lost).as("cell values missing from the printed text").isEmpty();
        return printed;
    }

    private static String firstWords(String text, int words) {
        String[] parts = text.split(" ");
        return String.join(" ", java.util.Arrays.copyOf(parts, Math.min(words, parts.length)));
    }

    /** Without white space: a value wrapped over lines in print reads the same. */
    static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }
}
