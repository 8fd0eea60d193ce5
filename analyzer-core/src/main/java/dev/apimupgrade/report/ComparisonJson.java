package dev.apimupgrade.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimupgrade.scan.FormatVersion;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.inventory.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * comparison.json (the summary counts, then every row and problem) and inventory.old.json / inventory.new.json, which
 * compare can read back as --old: the inventory taken before the upgrade, when the databases are migrated in place.
 */
public final class ComparisonJson {
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectWriter WRITER =
            MAPPER.writer(new DefaultPrettyPrinter().withObjectIndenter(INDENT).withArrayIndenter(INDENT));

    /** What comparison.json holds: the counts first, so a reader sees the outcome at the top. */
    public record Document(
            String oldHome,
            String newHome,
            String run,
            long same,
            long explained,
            long unexplained,
            List<Comparison.Row> rows,
            List<String> problems) {
        /** Nothing unexplained (a problem reading a side counts as unexplained): what compare's exit code 0 means. */
        public boolean passed() {
            return unexplained == 0;
        }

        /** The rows as the page lists them: unexplained first, then explained, then the same (a stable sort). */
        public List<Comparison.Row> rowsWorstFirst() {
            return rows.stream()
                    .sorted(java.util.Comparator.comparingInt(r -> switch (r.status()) {
                        case UNEXPLAINED -> 0;
                        case EXPLAINED -> 1;
                        case SAME -> 2;
                    }))
                    .toList();
        }
    }

    private ComparisonJson() {}

    public static Document document(Comparison c) {
        return new Document(
                c.oldHome(),
                c.newHome(),
                c.run(),
                c.count(Comparison.Status.SAME),
                c.count(Comparison.Status.EXPLAINED),
                c.unexplained(),
                c.rows(),
                c.problems());
    }

    public static String toJson(Comparison c) {
        return write(document(c));
    }

    public static String toJson(Inventory inventory) {
        return write(inventory);
    }

    /** An inventory.*.json written by compare; anything else is bad input naming the file. */
    public static Inventory readInventory(Path file) throws InputException {
        try {
            JsonNode tree = MAPPER.readTree(Files.readAllBytes(file));
            if (!(tree instanceof ObjectNode node)) {
                throw new InputException(file.toString(), "is not an inventory written by apim-upgrade compare");
            }
            FormatVersion.take(node, file.toString());
            Inventory inventory = MAPPER.treeToValue(node, Inventory.class);
            if (inventory.items() == null || inventory.home() == null) {
                throw new InputException(file.toString(), "is not an inventory written by apim-upgrade compare");
            }
            return inventory;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(file.toString(), line, "is not an inventory written by apim-upgrade compare");
        } catch (IOException e) {
            throw new InputException(
                    file.toString(), "cannot be read: " + e.getClass().getSimpleName());
        } catch (NullPointerException e) {
            throw new InputException(file.toString(), "is not an inventory written by apim-upgrade compare");
        }
    }

    private static String write(Object value) {
        try {
            return WRITER.writeValueAsString(FormatVersion.stamp(MAPPER, value)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the comparison as JSON", e);
        }
    }
}
