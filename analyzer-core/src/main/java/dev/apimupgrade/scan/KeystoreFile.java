package dev.apimupgrade.scan;

import dev.apimupgrade.fact.KeystoreEntry;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Opens a keystore read-only with its configured password and lists its entries; failures become Keystore error codes. */
final class KeystoreFile {
    static final String MISSING = "MISSING";
    static final String WRONG_PASSWORD = "WRONG_PASSWORD";
    static final String SECRET_REFERENCE = "SECRET_REFERENCE";
    static final String NOT_CONFIGURED = "NOT_CONFIGURED";
    static final String UNREADABLE = "UNREADABLE";

    /** The loaded store, or null with the error code. */
    record Opened(@Nullable KeyStore store, String error) {}

    private KeystoreFile() {}

    static Opened open(Path file, String type, String password) {
        if (!Files.isRegularFile(file)) {
            return new Opened(null, MISSING);
        }
        if (password.contains("$secret{")) {
            return new Opened(null, SECRET_REFERENCE);
        }
        if (password.contains("$ref{")) {
            // a reference the scan could not follow: the real password is unknown, so it is not "wrong"
            return new Opened(null, UNREADABLE);
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password.toCharArray());
            return new Opened(store, "");
        } catch (IOException e) {
            return new Opened(null, e.getCause() instanceof UnrecoverableKeyException ? WRONG_PASSWORD : UNREADABLE);
        } catch (GeneralSecurityException | RuntimeException e) {
            return new Opened(null, UNREADABLE);
        }
    }

    /** The keystore type a custom file's extension implies. */
    static String typeOf(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
    }

    /** One KeystoreEntry per certificate-bearing entry (secret-key entries have no expiry to check, so are left out). */
    static List<KeystoreEntry> entries(Role role, String fileName, KeyStore store, SourceRef source)
            throws GeneralSecurityException {
        List<KeystoreEntry> out = new ArrayList<>();
        List<String> aliases = Collections.list(store.aliases());
        Collections.sort(aliases);
        for (String alias : aliases) {
            Certificate cert = store.getCertificate(alias);
            if (!(cert instanceof X509Certificate x509)) {
                continue;
            }
            String kind = store.isKeyEntry(alias) ? "PrivateKeyEntry" : "TrustedCertificateEntry";
            long notAfter = LocalDate.ofInstant(x509.getNotAfter().toInstant(), ZoneOffset.UTC)
                    .toEpochDay();
            PublicKey key = x509.getPublicKey();
            out.add(new KeystoreEntry(
                    role,
                    fileName,
                    alias,
                    kind,
                    x509.getSubjectX500Principal().getName(),
                    notAfter,
                    key.getAlgorithm(),
                    keySize(key),
                    source));
        }
        return out;
    }

    static int keySize(PublicKey key) {
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECKey ec) {
            return ec.getParams().getOrder().bitLength();
        }
        if (key instanceof DSAKey dsa && dsa.getParams() != null) {
            return dsa.getParams().getP().bitLength();
        }
        return 0;
    }
}
