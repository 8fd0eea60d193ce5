package dev.apimupgrade.plan;

import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A random HMAC-SHA256 key kept in a file of its own beside what it protects (plan.key beside plan.json, run.key in a
 * run folder), readable by its owner only and never printed, bundled or journalled: a plan or journal edited by
 * someone who has only the file cannot be given a MAC that matches (docs/adr/0014-plans-and-journals-carry-a-mac.md).
 */
public final class MacKey {
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] key;
    /**
     * One initialised HMAC per thread: a journal of 100,000 backup records is MACed record by record, and looking up
     * the provider and keying a new Mac for each cost more than the short record itself (issue 19).
     */
    private final ThreadLocal<Mac> idle = new ThreadLocal<>();

    private MacKey(byte[] key) {
        this.key = key.clone();
    }

    /** A fresh random key, not yet saved. */
    public static MacKey random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new MacKey(bytes);
    }

    /** The key as its file holds it (hex and a line feed). */
    public byte[] fileContent() {
        return (HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Saves a new key file for its owner only; an existing file is never replaced (it may protect other files). */
    public static MacKey create(Path file) throws IOException {
        MacKey made = random();
        Set<StandardOpenOption> options =
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        FileAttribute<?>[] owner =
                Files.getFileStore(file.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)
                        ? new FileAttribute<?>[] {
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                        }
                        : new FileAttribute<?>[0];
        try (var ch = Files.newByteChannel(file, options, owner)) {
            ch.write(java.nio.ByteBuffer.wrap(made.fileContent()));
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " exists already; a key is never replaced", e);
        }
        return made;
    }

    /**
     * Reads a key file; a missing, linked or malformed one is bad input naming it and what it protects, since without
     * its key nothing it protects can be trusted.
     */
    public static MacKey read(Path file, String protects) throws InputException {
        try {
            if (Files.isSymbolicLink(file)
                    || Files.exists(file) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new InputException(
                        file.toString(),
                        "is not a plain file, so it is not the key apim-upgrade" + " wrote for " + protects);
            }
            if (Files.size(file) > 4 * BYTES) {
                throw new InputException(file.toString(), "is not a key apim-upgrade wrote (too long)");
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
            if (!text.matches("[0-9a-f]{" + 2 * BYTES + "}")) {
                throw new InputException(
                        file.toString(),
                        "is not a key apim-upgrade wrote (" + 2 * BYTES + " hex digits); " + protects
                                + " cannot be checked");
            }
            return new MacKey(HexFormat.of().parseHex(text));
        } catch (NoSuchFileException e) {
            throw new InputException(
                    file.toString(),
                    "is missing: " + protects + " is checked with the key"
                            + " apim-upgrade wrote beside it, and cannot be trusted without it");
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot be read: " + e.getMessage());
        }
    }

    /** HMAC-SHA256 of the UTF-8 text, as hex. */
    public String mac(String text) {
        return mac(out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes UTF-8 text to a stream (a JSON writer), so a large text is MACed without being held whole. */
    @FunctionalInterface
    public interface Text {
        void writeTo(OutputStream out) throws IOException;
    }

    /** HMAC-SHA256 of the bytes {@code text} writes, as hex: the same as {@link #mac(String)} of that text. */
    public String mac(Text text) {
        // taken while in use, so a MAC computed inside the writer gets a Mac of its own
        Mac taken = idle.get();
        Mac mac = taken == null ? newMac() : taken;
        idle.set(null);
        try {
            text.writeTo(new Running(mac));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (IOException e) {
            // the stream only feeds the MAC: a failure is the writer's bug, not bad input
            throw new UncheckedIOException(e);
        } finally {
            // a writer that failed half-way left its bytes in the Mac
            mac.reset();
            idle.set(mac);
        }
    }

    /** An HMAC-SHA256 under this key of the bytes written to it, so several MACs can take parts of one stream. */
    public Running running() {
        return new Running(newMac());
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            // every Java platform provides HmacSHA256
            throw new IllegalStateException(e);
        }
    }

    /** A MAC being computed: the bytes written so far are its text, and {@link #hex()} ends it. */
    public static final class Running extends OutputStream {
        private final Mac mac;

        private Running(Mac mac) {
            this.mac = mac;
        }

        @Override
        public void write(int b) {
            mac.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            mac.update(b, off, len);
        }

        /** The MAC of the bytes written, as hex. */
        public String hex() {
            return HexFormat.of().formatHex(mac.doFinal());
        }
    }

    /** Whether {@code claimed} is the MAC of the text, compared in constant time. */
    public boolean verifies(String text, @Nullable String claimed) {
        return matches(mac(text), claimed);
    }

    /** Whether {@code claimed} is the MAC of what {@code text} writes, compared in constant time. */
    public boolean verifies(Text text, @Nullable String claimed) {
        return matches(mac(text), claimed);
    }

    /** Whether {@code claimed} is the MAC {@code actual} computed, compared in constant time. */
    static boolean matches(@Nullable String actual, @Nullable String claimed) {
        return actual != null
                && claimed != null
                && MessageDigest.isEqual(
                        actual.getBytes(StandardCharsets.US_ASCII), claimed.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "MacKey(not shown)";
    }
}
