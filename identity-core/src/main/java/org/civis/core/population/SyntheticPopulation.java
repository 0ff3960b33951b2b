package org.civis.core.population;

import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.civis.core.id.RegistrationId;
import org.civis.core.population.NamePools.Kind;
import org.civis.core.population.NamePools.Name;

/**
 * Resident {@code i} of a seed, always the same. Names combine three parts from pools per language
 * (given, middle or father's name, family; two family names in Spanish and Portuguese), with dates
 * of birth over 68 years, so that demographic dedup (name + date of birth + gender) rarely fires:
 * a few dozen pairs in a million. {@link Random} per resident, because its algorithm is fixed by
 * its specification and so gives the same people on every JDK. Thread-safe.
 */
public final class SyntheticPopulation {
    private static final NamePools POOLS = NamePools.load();
    private static final List<String> LANGUAGES = List.of("eng", "fra", "ara", "hin", "spa", "por", "swa");
    /** Per cent of residents per language, in the order above. */
    private static final int[] LANGUAGE_SHARE = {25, 15, 15, 15, 12, 8, 10};
    /** Mobile prefixes per language (United Kingdom, France, Egypt, India, Spain, Brazil, Kenya). */
    private static final List<String> PHONE_PREFIX =
            List.of("+4479", "+336", "+2010", "+9198", "+346", "+55119", "+2547");

    private static final LocalDate OLDEST = LocalDate.of(1940, 1, 1);
    private static final int BIRTH_DAYS = 68 * 365;
    private static final long PHONE_SPACE = 100_000_000L;

    private final long seed;

    public SyntheticPopulation(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The registration id under which resident {@code index} is seeded. */
    public static RegistrationId registrationId(long index) {
        return new RegistrationId("seed-" + index);
    }

    public SyntheticResident resident(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("a resident index is not negative");
        }
        Random random = new Random(mix(seed, index));
        String language = language(random.nextInt(100));
        int genderDraw = random.nextInt(100);
        String gender = genderDraw < 49 ? "male" : genderDraw < 98 ? "female" : "other";
        Kind givenKind = gender.equals("male")
                ? Kind.MALE
                : gender.equals("female") ? Kind.FEMALE : (random.nextBoolean() ? Kind.MALE : Kind.FEMALE);
        Name given = pick(random, language, givenKind);
        Name middle = middle(random, language, givenKind, given);
        Name family = pick(random, language, Kind.FAMILY);
        String written = given.written() + " " + middle.written() + " " + family.written();
        String english = given.english() + " " + middle.english() + " " + family.english();
        JsonObject fullName = new JsonObject().put(language, written);
        if (!language.equals("eng") && random.nextInt(10) < 7) {
            fullName.put("eng", english);
        }
        String dateOfBirth = OLDEST.plusDays(random.nextInt(BIRTH_DAYS)).toString();
        // A bijection of the index below 10^8 (the multiplier is odd and not a multiple of 5):
        // every resident of a population of up to 10^8 has a phone of its own.
        long digits = Math.floorMod(index * 48_271L + seed, PHONE_SPACE);
        String phone = PHONE_PREFIX.get(LANGUAGES.indexOf(language)) + String.format(Locale.ROOT, "%08d", digits);
        Optional<String> email = random.nextInt(10) < 6
                ? Optional.of(ascii(given.english()) + "." + ascii(family.english()) + "." + index + "@example.org")
                : Optional.empty();
        return new SyntheticResident(index, language, gender, fullName, dateOfBirth, phone, email, random.nextLong());
    }

    /** Spanish and Portuguese names carry two family names; elsewhere a middle or father's name. */
    private static Name middle(Random random, String language, Kind givenKind, Name given) {
        if (language.equals("spa") || language.equals("por")) {
            return pick(random, language, Kind.FAMILY);
        }
        Kind kind = language.equals("eng") || language.equals("fra") ? givenKind : Kind.MALE;
        Name middle = pick(random, language, kind);
        return middle.equals(given) ? pick(random, language, kind) : middle;
    }

    private static String language(int percent) {
        int cumulative = 0;
        for (int i = 0; i < LANGUAGE_SHARE.length; i++) {
            cumulative += LANGUAGE_SHARE[i];
            if (percent < cumulative) {
                return LANGUAGES.get(i);
            }
        }
        return LANGUAGES.get(0);
    }

    private static Name pick(Random random, String language, Kind kind) {
        List<Name> names = POOLS.of(language, kind);
        return names.get(random.nextInt(names.size()));
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
    }

    /** SplitMix64's finalizer over seed and index: neighbouring indexes get unrelated streams. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
