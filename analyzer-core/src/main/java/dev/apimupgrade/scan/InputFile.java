package dev.apimupgrade.scan;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A file the tool must understand, checked before any parser sees it: a regular file, no larger than a bound suited
 * to its kind (a parser given a 200 MB deployment.toml runs for minutes), and for text valid UTF-8. Every refusal is
 * an InputException naming the file, so a bad file ends in exit 2 and never reaches a parser's own exceptions.
 */
public final class InputFile {
    /** The folder holding a file, which relative paths written in it are read from; a file is never a root. */
    public static Path folderOf(Path file) {
        return Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file is never a root");
    }

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;

    /** How large one kind of file may be; {@code kind} names it in the refusal ("a deployment.toml"). */
    public record Limit(long bytes, String kind) {}

    /** A stock deployment.toml is a few KB; a heavily customised one stays well under this. */
    public static final Limit TOML = new Limit(512 * KIB, "a deployment.toml");
    /** registry.xml and carbon.xml are tens of KB. */
    public static final Limit CONF_XML = new Limit(4 * MIB, "a configuration XML file");
    /** default.json and infer.json of a 3.0.0 home are about 10 KB each. */
    public static final Limit CONF_JSON = new Limit(4 * MIB, "a configuration JSON file");
    /** A synapse artefact: an API or a sequence is a few KB, an inlined WSDL local entry a few MB. */
    public static final Limit SYNAPSE_XML = new Limit(32 * MIB, "a synapse configuration file");
    /** updates/product.txt or a server's process id file: a line or two. */
    public static final Limit SMALL_TEXT = new Limit(64 * KIB, "a version or process id file");
    /** An execution plan (Siddhi query) is a few KB. */
    public static final Limit SIDDHI = new Limit(4 * MIB, "an execution plan");
    /** An answers file or an analytics deployment.yaml. */
    public static final Limit YAML = new Limit(MIB, "a YAML configuration file");
    /** A plan lists each step once; the SQL it runs is shipped, not inlined. */
    public static final Limit PLAN = new Limit(64 * MIB, "a plan");
    /** A journal holds one record per step event and per file backed up (100,000 synapse files fit). */
    public static final Limit JOURNAL = new Limit(256 * MIB, "a journal");
    /** An evidence bundle's manifest: one line per file of the bundle. */
    public static final Limit MANIFEST = new Limit(16 * MIB, "a manifest");

    private InputFile() {}

    /** The file's bytes, after checking it is a regular file within the limit. */
    public static byte[] bytes(Path file, String shownAs, Limit limit) throws InputException {
        requireRegularFile(file, shownAs);
        try {
            long size = Files.size(file);
            if (size > limit.bytes()) {
                throw tooLarge(shownAs, size, limit);
            }
            try (InputStream in = Files.newInputStream(file)) {
                // the file may grow between size() and the read: never read past the limit
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.bytes() + 1));
                if (bytes.length > limit.bytes()) {
                    throw tooLarge(shownAs, bytes.length, limit);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new InputException(shownAs, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The lines of a small single-byte text file (product.txt, a pid file), within the limit. */
    public static List<String> latin1Lines(Path file, String shownAs, Limit limit) throws InputException {
        return new String(bytes(file, shownAs, limit), StandardCharsets.ISO_8859_1)
                .lines()
                .toList();
    }

    /** The file's text, strictly UTF-8: a byte sequence that is not UTF-8 is refused with its line. */
    public static String text(Path file, String shownAs, Limit limit) throws InputException {
        return utf8(bytes(file, shownAs, limit), shownAs);
    }

    /**
     * The file's text as a stream, strictly UTF-8 and past a leading byte-order mark, after the checks of {@link
     * #bytes}: for a file parsed as it is read (a plan of a large installation is tens of MB, held once as a parsed
     * tree is enough). A byte that is not UTF-8, or growth past the limit while reading, surfaces as an IOException
     * from {@code read}; {@link #text} on the same file then gives the error with its line.
     */
    public static Reader utf8Reader(Path file, String shownAs, Limit limit) throws InputException {
        requireRegularFile(file, shownAs);
        try {
            long size = Files.size(file);
            if (size > limit.bytes()) {
                throw tooLarge(shownAs, size, limit);
            }
            InputStream in = new FilterInputStream(Files.newInputStream(file)) {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > limit.bytes()) {
                        throw new IOException(shownAs + " grew past " + limit.bytes() + " bytes while read");
                    }
                }
            };
            CharsetDecoder decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return reader;
        } catch (IOException e) {
            // the first character was not UTF-8, or the file went away: the whole read names the reason
            text(file, shownAs, limit);
            throw new InputException(shownAs, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Decodes strictly; the error names the line of the first byte that is not UTF-8. */
    public static String utf8(byte[] bytes, String shownAs) throws InputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            String text = chars.toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InputException(
                    shownAs,
                    lineOfFirstBadByte(bytes),
                    "is not UTF-8 text (a binary or" + " differently encoded file?)");
        }
    }

    /** A file where one is needed: a directory or a device in its place is named as such. */
    public static void requireRegularFile(Path file, String shownAs) throws InputException {
        if (Files.isRegularFile(file)) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new InputException(shownAs, "is a directory, not a file");
        }
        if (Files.exists(file) || Files.isSymbolicLink(file)) {
            throw new InputException(
                    shownAs,
                    Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)
                            ? "is a symbolic link to nothing"
                            : "is not a regular file");
        }
        throw new InputException(shownAs, "does not exist");
    }

    private static InputException tooLarge(String shownAs, long size, Limit limit) {
        return new InputException(
                shownAs,
                "is " + size(size) + "; " + limit.kind() + " is expected to be at most " + size(limit.bytes())
                        + ", so it is refused unread");
    }

    private static String size(long bytes) {
        return bytes >= MIB ? (bytes / MIB) + " MiB" : bytes >= KIB ? (bytes / KIB) + " KiB" : bytes + " bytes";
    }

    private static int lineOfFirstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int line = 1;
        for (int i = 0; i < in.position(); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
