package org.civis.server.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.civis.server.TestServers;
import org.civis.server.config.CivisConfig;
import org.civis.server.config.ConfigLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** civis seed resumes where it stopped, whatever it lost, and never seeds anyone twice. */
class SeedRunTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dataDir;

    private CivisConfig config;

    @BeforeEach
    void configure() {
        config = ConfigLoader.load(TestServers.environment(dataDir));
    }

    @Test
    void aRerunRecordsLostResidentsWithTheirUinsImportsTheRestAndNobodyTwice() throws Exception {
        SeedRun.Summary first = SeedRun.run(config, options(150), () -> false, QUIET);
        Path residents = new SeedFiles(dataDir).residents();
        List<String> seeded = Files.readAllLines(residents);
        assertThat(seeded).hasSize((int) first.report().imported());
        assertThat(first.report().parked())
                .as("seed 5 has no demographic twins among its first 200")
                .isZero();
        assertThat(first.report().imported()).isEqualTo(150);

        // A stop between a batch's commit and its lines in residents.tsv loses the lines, not the residents.
        Files.write(residents, seeded.subList(0, 70));
        SeedRun.Summary second = SeedRun.run(config, options(200), () -> false, QUIET);

        // 70 listed in residents.tsv and 80 found in the database: all 150 are from the first run.
        assertThat(second.report().earlier()).isEqualTo(150);
        assertThat(second.report().imported()).isEqualTo(50);
        List<String> after = Files.readAllLines(residents);
        assertThat(after).containsAll(seeded).hasSize((int)
                (first.report().imported() + second.report().imported()));
        assertThat(after.stream().map(line -> line.split("\t")[1]).distinct()).hasSize(after.size());
    }

    @Test
    void theSamePartnerServesEveryRunAndItsKeysStayInTheDataDirectory() throws Exception {
        SeedRun.run(config, options(10), () -> false, QUIET);
        String partner = Files.readString(new SeedFiles(dataDir).partner());

        SeedRun.run(config, options(10), () -> false, QUIET);

        assertThat(Files.readString(new SeedFiles(dataDir).partner())).isEqualTo(partner);
        assertThat(partner).contains("\"apiKey\"").contains("\"d\"");
    }

    @Test
    void anotherPopulationOnTheSameDataDirectoryIsRefused() throws Exception {
        SeedRun.run(config, options(10), () -> false, QUIET);

        assertThatThrownBy(() -> SeedRun.run(config, new Seeder.Options(10, false, 99, 50), () -> false, QUIET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fresh data directory");
    }

    private static Seeder.Options options(long count) {
        return new Seeder.Options(count, false, 5, 50);
    }
}
