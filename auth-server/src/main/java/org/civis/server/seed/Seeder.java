package org.civis.server.seed;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.civis.core.enrollment.EnrollmentRequest;
import org.civis.core.enrollment.EnrollmentStatus;
import org.civis.core.enrollment.EnrollmentStore;
import org.civis.core.enrollment.bulk.BatchResult;
import org.civis.core.enrollment.bulk.BulkEnrollment;
import org.civis.core.enrollment.bulk.BulkResult;
import org.civis.core.id.RegistrationId;
import org.civis.core.population.SyntheticPopulation;

/**
 * Seeds residents {@code 0..count-1} of a population through the bulk path, batch by batch.
 * Resumable: a batch whose residents are all in residents.tsv is skipped without touching the
 * database; otherwise the registration ids found in the database are only recorded, and the rest
 * imported. Two batches are in flight, so one is prepared (generated, validated, sealed) while
 * the other writes. Stopping loses at most the batches in flight, which roll back whole.
 */
public final class Seeder {
    private static final int IN_FLIGHT = 2;
    private static final String ACTOR = "civis-seed";

    private final BulkEnrollment bulk;
    private final Pool pool;
    private final SeedFiles files;
    private final PrintStream err;
    private final EnrollmentStore enrollments = new EnrollmentStore();

    public Seeder(BulkEnrollment bulk, Pool pool, SeedFiles files, PrintStream err) {
        this.bulk = bulk;
        this.pool = pool;
        this.files = files;
        this.err = err;
    }

    public record Options(long count, boolean withFingerprints, long seed, int batchSize) {
        public Options {
            if (count < 0 || count > Integer.MAX_VALUE || batchSize < 1) {
                throw new IllegalArgumentException("count must be 0.." + Integer.MAX_VALUE + ", batch size positive");
            }
        }
    }

    /**
     * What a run did: residents imported now; residents already there from earlier runs (listed in
     * residents.tsv, or found in the database and listed again); parked as duplicates; refused.
     */
    public record Report(long imported, long earlier, long parked, long refused, double seconds) {
        public double rate() {
            return seconds > 0 ? imported / seconds : 0;
        }
    }

    private static final class Tally {
        long imported;
        long earlier;
        long parked;
        long refused;
    }

    private record InFlight(Future<BatchResult> result, List<Long> indexes, long span) {}

    public Report run(Options options, BooleanSupplier stopRequested) throws Exception {
        files.claimPopulation(options.seed(), options.withFingerprints());
        SyntheticPopulation population = new SyntheticPopulation(options.seed());
        BitSet seeded = files.seededIndexes();
        Progress progress = new Progress(err, options.count());
        Tally tally = new Tally();
        Deque<InFlight> inFlight = new ArrayDeque<>();
        for (long start = 0; start < options.count() && !stopRequested.getAsBoolean(); start += options.batchSize()) {
            long end = Math.min(options.count(), start + options.batchSize());
            if (seeded.nextClearBit((int) start) >= end) {
                tally.earlier += end - start;
                progress.skip(end - start);
                continue;
            }
            List<Long> missing = LongStream.range(start, end)
                    .filter(i -> !seeded.get((int) i))
                    .boxed()
                    .toList();
            tally.earlier += (end - start) - missing.size();
            List<Long> toImport = recordEarlier(missing, tally);
            long span = end - start;
            if (toImport.isEmpty()) {
                progress.skip(span);
                continue;
            }
            List<EnrollmentRequest> packets = toImport.stream()
                    .map(i -> new EnrollmentRequest(
                            SyntheticPopulation.registrationId(i),
                            population.resident(i).identity(options.withFingerprints())))
                    .toList();
            inFlight.add(new InFlight(bulk.importBatch(packets, ACTOR), toImport, span));
            if (inFlight.size() >= IN_FLIGHT) {
                complete(inFlight.poll(), tally, progress);
            }
        }
        while (!inFlight.isEmpty()) {
            complete(inFlight.poll(), tally, progress);
        }
        progress.finish();
        return new Report(tally.imported, tally.earlier, tally.parked, tally.refused, progress.seconds());
    }

    /** Records residents the database has but residents.tsv lacks; returns those still to import. */
    private List<Long> recordEarlier(List<Long> missing, Tally tally) throws Exception {
        List<RegistrationId> ids =
                missing.stream().map(SyntheticPopulation::registrationId).toList();
        Map<RegistrationId, EnrollmentStore.StoredEnrollment> found = await(enrollments.findAll(pool, ids));
        List<SeedFiles.Seeded> recorded = new ArrayList<>();
        List<Long> toImport = new ArrayList<>();
        for (Long index : missing) {
            EnrollmentStore.StoredEnrollment stored = found.get(SyntheticPopulation.registrationId(index));
            if (stored == null) {
                toImport.add(index);
            } else {
                tally.earlier++;
                stored.outcome().uin().ifPresent(uin -> recorded.add(new SeedFiles.Seeded(index, uin)));
            }
        }
        files.append(recorded);
        return toImport;
    }

    private void complete(InFlight batch, Tally tally, Progress progress) throws Exception {
        BatchResult result = await(batch.result());
        List<SeedFiles.Seeded> seeded = new ArrayList<>();
        for (int i = 0; i < result.results().size(); i++) {
            long index = batch.indexes().get(i);
            BulkResult one = result.results().get(i);
            if (one instanceof BulkResult.Issued issued) {
                tally.imported++;
                seeded.add(new SeedFiles.Seeded(index, issued.uin()));
            } else if (one instanceof BulkResult.Parked) {
                tally.parked++;
            } else if (one instanceof BulkResult.Existing existing) {
                tally.earlier++;
                if (existing.earlier().status() == EnrollmentStatus.ISSUED) {
                    seeded.add(
                            new SeedFiles.Seeded(index, existing.earlier().uin().orElseThrow()));
                }
            } else if (one instanceof BulkResult.Refused refused) {
                tally.refused++;
                if (tally.refused == 1) {
                    err.printf("%nseed: resident %d refused: %s %s%n", index, refused.code(), refused.violations());
                }
            }
        }
        files.append(seeded);
        progress.advance(batch.span());
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    }
}
