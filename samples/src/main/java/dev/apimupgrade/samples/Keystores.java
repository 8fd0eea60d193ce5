package dev.apimupgrade.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the samples' JKS keystores with the JDK's keytool (the JDK has no public API to issue certificates). Start
 * dates are absolute and keytool runs in UTC, so every certificate's validity is the same on every run; only the
 * keys differ. One wso2carbon.jks is shared by all homes, as the GA packs ship the same one.
 */
final class Keystores {
    static final String DEFAULT_PASSWORD = "wso2carbon";
    /** Issue date of the stock certificates; with {@link #STOCK_DAYS} they stay valid until late 2029. */
    static final String STOCK_START = "2019/11/01 00:00:00";

    static final int STOCK_DAYS = 3650;
    /** The partner certificate of the custom sample: valid from 2025-12-10 for 365 days, so until 2026-12-10. */
    static final String PARTNER_START = "2025/12/10 00:00:00";

    static final int PARTNER_DAYS = 365;

    /** The keystore files made for one run. */
    record Made(Path wso2carbon, Path truststore300, Path truststore310, Path customTruststore) {}

    private final Path scratch;

    private Keystores(Path scratch) {
        this.scratch = scratch;
    }

    /** Makes every keystore in {@code scratch}; the custom trust store gets {@code customPassword}. */
    static Made make(Path scratch, String customPassword) {
        Keystores k = new Keystores(scratch);
        Path primary = k.keyPair(
                "wso2carbon.jks",
                "wso2carbon",
                "CN=localhost, O=WSO2, L=Mountain View, ST=CA, C=US",
                STOCK_START,
                STOCK_DAYS);
        Path ca = k.keyPair(
                "sample-ca.jks",
                "samplerootca",
                "CN=Sample Root CA, O=Example Trust Services, C=US",
                "2015/01/01 00:00:00",
                7300);
        Path crunch = k.keyPair(
                "42crunch.jks", "42crunch", "CN=*.42crunch.com, O=42Crunch, C=US", "2020/01/15 00:00:00", 3650);
        Path partner = k.keyPair(
                "partner.jks",
                "partner-backend",
                "CN=orders-backend.partner.example, O=Example Partner, C=DE",
                PARTNER_START,
                PARTNER_DAYS);
        Path primaryCert = k.export(primary, "wso2carbon");
        Path caCert = k.export(ca, "samplerootca");
        Path crunchCert = k.export(crunch, "42crunch");
        Path partnerCert = k.export(partner, "partner-backend");

        Path trust300 = k.trustStore("client-truststore-3.0.0.jks", DEFAULT_PASSWORD, primaryCert, caCert);
        Path trust310 = k.trustStore("client-truststore-3.1.0.jks", DEFAULT_PASSWORD, primaryCert, caCert, crunchCert);
        Path custom = k.trustStore("my-truststore.jks", customPassword, primaryCert, caCert, partnerCert);
        return new Made(primary, trust300, trust310, custom);
    }

    private Path keyPair(String file, String alias, String dname, String start, int days) {
        Path store = scratch.resolve(file);
        keytool(
                "-genkeypair",
                "-keystore",
                store.toString(),
                "-storetype",
                "JKS",
                "-storepass",
                DEFAULT_PASSWORD,
                "-keypass",
                DEFAULT_PASSWORD,
                "-alias",
                alias,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                dname,
                "-startdate",
                start,
                "-validity",
                String.valueOf(days));
        return store;
    }

    private Path export(Path store, String alias) {
        Path cert = scratch.resolve(alias + ".cer");
        keytool(
                "-exportcert",
                "-keystore",
                store.toString(),
                "-storepass",
                DEFAULT_PASSWORD,
                "-alias",
                alias,
                "-rfc",
                "-file",
                cert.toString());
        return cert;
    }

    private Path trustStore(String file, String password, Path... certs) {
        Path store = scratch.resolve(file);
        for (Path cert : certs) {
            String alias = cert.getFileName().toString().replace(".cer", "");
            keytool(
                    "-importcert",
                    "-noprompt",
                    "-keystore",
                    store.toString(),
                    "-storetype",
                    "JKS",
                    "-storepass",
                    password,
                    "-alias",
                    alias,
                    "-file",
                    cert.toString());
        }
        return store;
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.add("-J-Duser.timezone=UTC");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
