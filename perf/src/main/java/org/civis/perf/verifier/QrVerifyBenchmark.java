package org.civis.perf.verifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.civis.issuer.IssuedCredential;
import org.civis.issuer.keys.IssuerKeyRing;
import org.civis.issuer.keys.IssuerKeystore;
import org.civis.issuer.keys.SigningAlgorithm;
import org.civis.issuer.samples.TypicalCard;
import org.civis.verifier.VerificationResult;
import org.civis.verifier.Verifier;
import org.civis.verifier.files.KeyFiles;
import org.civis.verifier.image.QrImageReader;
import org.civis.verifier.trust.KeyRing;
import org.civis.verifier.verdict.Verdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-threaded verifications per second (per core) of a typical card issued by Civis's own
 * issuer: a resident with a two-language name, address, contacts and a 600 x 800 portrait shrunk
 * into the credential, so the QR is version 30 at level M, the largest Civis prints. {@code text}
 * starts from the QR text (a scanner app that already decoded it); {@code png} starts from the
 * printed card, 1011 x 638 pixels at 300 dpi, as a verifier photographing a card would after
 * cropping. Both judge signature, times and the Claim 169 decoding; no status list is given.
 *
 * <pre>java -cp "perf/target/classes:perf/target/lib/*" org.openjdk.jmh.Main QrVerifyBenchmark</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@State(Scope.Thread)
public class QrVerifyBenchmark {

    @Param({"EDDSA", "ES256"})
    public String algorithm;

    private Path keyDir;
    private Verifier verifier;
    private String qrText;
    private byte[] cardPng;
    private Instant at;

    @Setup(Level.Trial)
    public void issueATypicalCard() throws Exception {
        keyDir = Files.createTempDirectory("civis-qr-benchmark");
        IssuerKeyRing ring = IssuerKeystore.openOrCreate(
                        keyDir.resolve(IssuerKeystore.FILE_NAME),
                        "benchmark-only".toCharArray(),
                        SigningAlgorithm.valueOf(algorithm),
                        "Civis benchmark issuer")
                .ring();
        TypicalCard card = TypicalCard.issue(ring.current());
        IssuedCredential credential = card.credential();
        qrText = credential.qrText();
        cardPng = card.png();
        KeyRing trusted = new KeyRing(
                KeyFiles.signingKeys(ring.jwksJson().getBytes(), "issuer")
                        .orElseThrow()
                        .keys(),
                List.of());
        verifier = Verifier.builder().keys(trusted).build();
        at = TypicalCard.ISSUED.plusSeconds(86_400);
        System.out.printf(
                "%n%s card: QR version %d, %d Base45 chars, CWT %d bytes, card PNG %d bytes%n",
                algorithm, credential.sizes().qrVersion(), qrText.length(), credential.cwt().length, cardPng.length);
        // A benchmark of a failing verification would measure the wrong thing.
        if (text().verdict() != Verdict.VALID || png().verdict() != Verdict.VALID) {
            throw new IllegalStateException("the typical card does not verify");
        }
    }

    @TearDown(Level.Trial)
    public void removeKeys() throws Exception {
        try (var files = Files.walk(keyDir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    public VerificationResult text() {
        return verifier.verify(qrText, at);
    }

    @Benchmark
    public VerificationResult png() {
        return QrImageReader.read(cardPng).verify(verifier, at);
    }
}
