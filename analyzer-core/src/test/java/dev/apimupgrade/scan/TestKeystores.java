package dev.apimupgrade.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

/** Real keystores for the tests, made by the JDK's keytool (self-signed certificates without extra libraries). */
final class TestKeystores {
    private TestKeystores() {}

    /**
     * A store with one RSA key pair and its self-signed certificate, valid for {@code days} days from {@code start}
     * ("yyyy/MM/dd HH:mm:ss", UTC).
     */
    static Path keyPair(Path file, String type, String password, String alias, String dname, String start, int days)
            throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-Duser.timezone=UTC",
                "-genkeypair",
                "-keystore",
                file.toString(),
                "-storetype",
                type,
                "-storepass",
                password,
                "-keypass",
                password,
                "-alias",
                alias,
                "-dname",
                dname,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                Integer.toString(days)));
        if (start != null) {
            cmd.addAll(List.of("-startdate", start));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return file;
    }

    /** A trust store holding the certificate of {@code alias} from a key pair store, under {@code trustedAlias}. */
    static Path trusting(
            Path file, String password, Path keyPairStore, String keyPairPassword, String alias, String trustedAlias)
            throws Exception {
        KeyStore source = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(keyPairStore)) {
            source.load(in, keyPairPassword.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("JKS");
        trust.load(null, null);
        trust.setCertificateEntry(trustedAlias, source.getCertificate(alias));
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, password.toCharArray());
        }
        return file;
    }
}
