package org.civis.verifier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.civis.verifier.Limits;
import org.civis.verifier.VerificationResult;
import org.civis.verifier.Verifier;
import org.civis.verifier.files.KeyFileException;
import org.civis.verifier.files.KeyFiles;
import org.civis.verifier.files.LoadedKeys;
import org.civis.verifier.files.StatusListFiles;
import org.civis.verifier.image.QrImageReader;
import org.civis.verifier.status.StatusListToken;
import org.civis.verifier.status.StatusLists;
import org.civis.verifier.trust.DecryptionKey;
import org.civis.verifier.trust.KeyRing;
import org.civis.verifier.trust.TrustedKey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code civis verify}: one JSON line per credential on stdout; exit 0 when all are VALID, 1 when
 * any is not, 2 for a usage or I/O error (message on stderr, nothing on stdout).
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Verify QR credentials offline (CWT/COSE, Claim 169) and print one JSON line per credential.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every credential is VALID", "1:at least one is not", "2:usage or I/O error"})
public final class VerifyCommand implements Callable<Integer> {
    static final int ALL_VALID = 0;
    static final int SOME_NOT_VALID = 1;
    static final int USAGE = 2;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--trust",
            paramLabel = "FILE",
            description = "Trusted issuer keys: JWKS, verifier bundle, or X.509 certificate (PEM/DER). Repeatable.")
    private List<Path> trustFiles = new ArrayList<>();

    @Option(
            names = "--decrypt",
            paramLabel = "FILE",
            description = "JWKS with symmetric (oct) keys for COSE_Encrypt0. Repeatable.")
    private List<Path> decryptFiles = new ArrayList<>();

    @Option(
            names = "--status",
            paramLabel = "FILE",
            description = "Status List Token (CBOR or hex) or verifier bundle. Repeatable.")
    private List<Path> statusFiles = new ArrayList<>();

    @Option(
            names = "--at",
            paramLabel = "INSTANT",
            description = "ISO-8601 instant at which exp/nbf/status are judged (default: now).")
    private String at;

    @Option(
            names = "--allow-unsigned",
            description =
                    "Report a COSE_Sign1 with an empty signature as UNSIGNED, with its claims, instead of INVALID_SIGNATURE.")
    private boolean allowUnsigned;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Input input;

    static final class Input {
        @Option(
                names = "--text",
                paramLabel = "PAYLOAD",
                description = "The QR text; a context prefix such as HC1: is stripped.")
        String text;

        @Option(
                names = "--image",
                paramLabel = "FILE",
                description = "A PNG, JPEG, GIF or BMP picture holding the QR code.")
        Path image;

        @Option(
                names = "--batch",
                paramLabel = "FILE",
                description =
                        "JSON Lines: {\"text\" | \"image\", \"at\"?, \"id\"?} per line; image paths are relative to this file.")
        Path batch;
    }

    /** For picocli: {@code new CommandLine(new VerifyCommand()).execute(args)}, or as a subcommand. */
    public VerifyCommand() {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Instant defaultAt = at == null ? Clock.systemUTC().instant() : Instants.parse(at, "--at");
            Verifier verifier = verifier(err);
            List<BatchLine> lines = inputs();
            boolean allValid = true;
            for (BatchLine line : lines) {
                VerificationResult result = verify(verifier, line, line.at().orElse(defaultAt));
                allValid &= result.isValid();
                out.println(JsonReport.toLine(line.id(), result));
                out.flush();
            }
            return allValid ? ALL_VALID : SOME_NOT_VALID;
        } catch (UsageException e) {
            err.println("civis verify: " + e.getMessage());
            err.flush();
            return USAGE;
        }
    }

    private Verifier verifier(PrintWriter err) throws UsageException {
        List<TrustedKey> signingKeys = new ArrayList<>();
        for (Path file : trustFiles) {
            LoadedKeys<TrustedKey> loaded = load(file, (bytes, name) -> KeyFiles.signingKeys(bytes, name));
            warn(err, loaded.warnings());
            if (loaded.keys().isEmpty()) {
                throw new UsageException(file + ": no usable trusted key");
            }
            signingKeys.addAll(loaded.keys());
        }
        List<DecryptionKey> decryptionKeys = new ArrayList<>();
        for (Path file : decryptFiles) {
            LoadedKeys<DecryptionKey> loaded = load(file, (bytes, name) -> KeyFiles.decryptionKeys(bytes, name));
            warn(err, loaded.warnings());
            if (loaded.keys().isEmpty()) {
                throw new UsageException(file + ": no usable decryption key");
            }
            decryptionKeys.addAll(loaded.keys());
        }
        KeyRing keys = new KeyRing(signingKeys, decryptionKeys);
        List<StatusListToken> tokens = new ArrayList<>();
        for (Path file : statusFiles) {
            LoadedKeys<StatusListToken> loaded = load(
                    file, (bytes, name) -> StatusListFiles.load(bytes, name, keys, Limits.DEFAULT, Optional.empty()));
            warn(err, loaded.warnings());
            tokens.addAll(loaded.keys());
        }
        return Verifier.builder()
                .keys(keys)
                .statusLists(new StatusLists(tokens))
                .allowUnsigned(allowUnsigned)
                .build();
    }

    private interface FileLoader<K> {
        LoadedKeys<K> load(byte[] content, String name) throws KeyFileException;
    }

    private static <K> LoadedKeys<K> load(Path file, FileLoader<K> loader) throws UsageException {
        try {
            return loader.load(Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
        } catch (KeyFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void warn(PrintWriter err, List<String> warnings) {
        warnings.forEach(w -> err.println("civis verify: warning: " + w));
        err.flush();
    }

    private List<BatchLine> inputs() throws UsageException {
        if (input.text != null) {
            return List.of(new BatchLine(null, Optional.of(input.text), Optional.empty(), Optional.empty()));
        }
        if (input.image != null) {
            requireReadable(input.image, "--image");
            return List.of(new BatchLine(null, Optional.empty(), Optional.of(input.image), Optional.empty()));
        }
        List<String> raw;
        try {
            raw = Files.readAllLines(input.batch, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException(
                    input.batch + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
        Path directory = input.batch.toAbsolutePath().getParent();
        List<BatchLine> lines = new ArrayList<>();
        // Every line is checked before the first is verified, so a bad line leaves no partial output.
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i).isBlank()) {
                continue;
            }
            BatchLine line = BatchLine.parse(raw.get(i), i + 1, directory);
            if (line.image().isPresent()) {
                requireReadable(line.image().get(), "batch line " + (i + 1) + " image");
            }
            lines.add(line);
        }
        return lines;
    }

    private static void requireReadable(Path file, String what) throws UsageException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException(what + ": cannot read " + file);
        }
    }

    private static VerificationResult verify(Verifier verifier, BatchLine line, Instant at) throws UsageException {
        if (line.text().isPresent()) {
            return verifier.verify(line.text().get(), at);
        }
        byte[] picture;
        try {
            picture = Files.readAllBytes(line.image().get());
        } catch (IOException e) {
            throw new UsageException(
                    line.image().get() + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
        return QrImageReader.read(picture).verify(verifier, at);
    }
}
