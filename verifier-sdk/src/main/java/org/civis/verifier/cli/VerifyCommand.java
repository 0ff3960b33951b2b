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
import java.util.function.BiFunction;
import org.civis.verifier.Limits;
import org.civis.verifier.VerificationResult;
import org.civis.verifier.Verifier;
import org.civis.verifier.files.FileReading;
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
        Checked<Integer> exit = run(out, err);
        if (exit.isMistake()) {
            err.println("civis verify: " + exit.message());
            err.flush();
            return USAGE;
        }
        return exit.value();
    }

    /** The instant, the verifier, the inputs, then one line per credential; the first mistake stops it. */
    private Checked<Integer> run(PrintWriter out, PrintWriter err) {
        Checked<Instant> defaultAt = at == null ? Checked.ok(Clock.systemUTC().instant()) : Instants.parse(at, "--at");
        if (defaultAt.isMistake()) {
            return defaultAt.mistake();
        }
        Checked<Verifier> verifier = verifier(err);
        if (verifier.isMistake()) {
            return verifier.mistake();
        }
        Checked<List<BatchLine>> lines = inputs();
        if (lines.isMistake()) {
            return lines.mistake();
        }
        boolean allValid = true;
        for (BatchLine line : lines.value()) {
            Checked<VerificationResult> result =
                    verify(verifier.value(), line, line.at().orElse(defaultAt.value()));
            if (result.isMistake()) {
                return result.mistake();
            }
            allValid &= result.value().isValid();
            out.println(JsonReport.toLine(line.id(), result.value()));
            out.flush();
        }
        return Checked.ok(allValid ? ALL_VALID : SOME_NOT_VALID);
    }

    private Checked<Verifier> verifier(PrintWriter err) {
        List<TrustedKey> signingKeys = new ArrayList<>();
        for (Path file : trustFiles) {
            Checked<LoadedKeys<TrustedKey>> loaded = load(file, KeyFiles::signingKeys);
            if (loaded.isMistake()) {
                return loaded.mistake();
            }
            warn(err, loaded.value().warnings());
            if (loaded.value().keys().isEmpty()) {
                return Checked.mistake(file + ": no usable trusted key");
            }
            signingKeys.addAll(loaded.value().keys());
        }
        List<DecryptionKey> decryptionKeys = new ArrayList<>();
        for (Path file : decryptFiles) {
            Checked<LoadedKeys<DecryptionKey>> loaded = load(file, KeyFiles::decryptionKeys);
            if (loaded.isMistake()) {
                return loaded.mistake();
            }
            warn(err, loaded.value().warnings());
            if (loaded.value().keys().isEmpty()) {
                return Checked.mistake(file + ": no usable decryption key");
            }
            decryptionKeys.addAll(loaded.value().keys());
        }
        KeyRing keys = new KeyRing(signingKeys, decryptionKeys);
        List<StatusListToken> tokens = new ArrayList<>();
        for (Path file : statusFiles) {
            Checked<LoadedKeys<StatusListToken>> loaded = load(
                    file, (bytes, name) -> StatusListFiles.load(bytes, name, keys, Limits.DEFAULT, Optional.empty()));
            if (loaded.isMistake()) {
                return loaded.mistake();
            }
            warn(err, loaded.value().warnings());
            tokens.addAll(loaded.value().keys());
        }
        return Checked.ok(Verifier.builder()
                .keys(keys)
                .statusLists(new StatusLists(tokens))
                .allowUnsigned(allowUnsigned)
                .build());
    }

    /** The file's entries, or a mistake when it cannot be read or is none of the formats the reader knows. */
    private static <K> Checked<LoadedKeys<K>> load(Path file, BiFunction<byte[], String, FileReading<K>> reader) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return Checked.mistake(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
        FileReading<K> reading = reader.apply(content, file.getFileName().toString());
        if (reading instanceof FileReading.Unreadable<K> unreadable) {
            return Checked.mistake(unreadable.reason());
        }
        return Checked.ok((LoadedKeys<K>) reading);
    }

    private static void warn(PrintWriter err, List<String> warnings) {
        warnings.forEach(w -> err.println("civis verify: warning: " + w));
        err.flush();
    }

    private Checked<List<BatchLine>> inputs() {
        if (input.text != null) {
            return Checked.ok(
                    List.of(new BatchLine(null, Optional.of(input.text), Optional.empty(), Optional.empty())));
        }
        if (input.image != null) {
            Optional<String> unreadable = unreadable(input.image, "--image");
            if (unreadable.isPresent()) {
                return Checked.mistake(unreadable.get());
            }
            return Checked.ok(
                    List.of(new BatchLine(null, Optional.empty(), Optional.of(input.image), Optional.empty())));
        }
        List<String> raw;
        try {
            raw = Files.readAllLines(input.batch, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Checked.mistake(
                    input.batch + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
        Path directory = input.batch.toAbsolutePath().getParent();
        List<BatchLine> lines = new ArrayList<>();
        // Every line is checked before the first is verified, so a bad line leaves no partial output.
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i).isBlank()) {
                continue;
            }
            Checked<BatchLine> line = BatchLine.parse(raw.get(i), i + 1, directory);
            if (line.isMistake()) {
                return line.mistake();
            }
            if (line.value().image().isPresent()) {
                Optional<String> unreadable =
                        unreadable(line.value().image().get(), "batch line " + (i + 1) + " image");
                if (unreadable.isPresent()) {
                    return Checked.mistake(unreadable.get());
                }
            }
            lines.add(line.value());
        }
        return Checked.ok(lines);
    }

    /** Why the file cannot be read, or empty when it can. */
    private static Optional<String> unreadable(Path file, String what) {
        return !Files.isRegularFile(file) || !Files.isReadable(file)
                ? Optional.of(what + ": cannot read " + file)
                : Optional.empty();
    }

    private static Checked<VerificationResult> verify(Verifier verifier, BatchLine line, Instant at) {
        if (line.text().isPresent()) {
            return Checked.ok(verifier.verify(line.text().get(), at));
        }
        byte[] picture;
        try {
            picture = Files.readAllBytes(line.image().get());
        } catch (IOException e) {
            return Checked.mistake(
                    line.image().get() + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
        return Checked.ok(QrImageReader.read(picture).verify(verifier, at));
    }
}
