package io.kefu.customer.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * Realistic customers as rows of an import file: Chinese names drawn with the frequency of common surnames, unique
 * mobile numbers, emails for most people, one row in ten an organisation, tiers, tags, regions and lifecycle
 * stages. The import warms up on them at start ({@link ImportWarmUp}) and the benchmarks load them. The words come
 * from {@code customer/sample-customers.properties}.
 */
public final class SampleCustomers {

    private static final Words WORDS = Words.read();
    private static final String[] STAGES = {"PROSPECT", "EXPLORATION", "FORMATION", "STABLE", "STABLE", "DECLINE",
            "CHURNED"};
    private static final String[] MAIL_DOMAINS = {"qq.com", "163.com", "126.com", "sina.com", "gmail.com",
            "outlook.com", "foxmail.com"};
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
            "150", "151", "152", "155", "156", "157", "158", "159", "166", "177", "180", "181", "186", "187", "188",
            "189", "198", "199"};

    private SampleCustomers() {
    }

    /** The file's first line: its column headers, in Chinese as offices write them. */
    public static String header() {
        return WORDS.header;
    }

    /** Row {@code i} of such a file (phones are unique per row number), drawn from the random source. */
    public static String row(int i, SplittableRandom random) {
        boolean organisation = random.nextInt(10) == 0;
        String city = pick(WORDS.cities, random);
        String name = organisation
                ? city + pick(WORDS.brands, random) + pick(WORDS.brands, random) + pick(WORDS.trades, random)
                        + WORDS.company
                : person(random);
        String phone = phone(i, random);
        String email = random.nextInt(10) < 6 ? "u" + Integer.toString(i, 36) + "@" + pick(MAIL_DOMAINS, random)
                : "";
        String member = random.nextInt(10) < 3 ? "M" + (10_000_000 + i) : "";
        String tags = random.nextInt(3) == 0 ? pick(WORDS.tags, random) + ";" + pick(WORDS.tags, random) : "";
        String birthday = organisation ? "" : String.format("%d-%02d-%02d", 1950 + random.nextInt(55),
                1 + random.nextInt(12), 1 + random.nextInt(28));
        return String.join(",", name, organisation ? "ORGANIZATION" : "PERSON", phone, email, member,
                pick(WORDS.tiers, random), tags, city, pick(STAGES, random), birthday);
    }

    private static String person(SplittableRandom random) {
        // Skewed towards the first surnames, as in the population.
        int s = (int) (WORDS.surnames.length * Math.pow(random.nextDouble(), 2.2));
        String given = pick(WORDS.given, random) + (random.nextInt(3) == 0 ? "" : pick(WORDS.given, random));
        return WORDS.surnames[s] + given;
    }

    /** Unique per row: the row number spread over the eight digits after a mobile prefix. */
    private static String phone(int i, SplittableRandom random) {
        String prefix = MOBILE_PREFIXES[i % MOBILE_PREFIXES.length];
        long body = ((long) (i / MOBILE_PREFIXES.length) * 48_271L) % 100_000_000L;
        return prefix + String.format("%08d", body);
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    private record Words(String header, String[] surnames, String[] given, String[] brands, String[] cities,
                         String[] trades, String company, String[] tiers, String[] tags) {

        static Words read() {
            Properties p = new Properties();
            // Read without Spring: the benchmarks' generator runs on a plain class path.
            try (Reader in = new InputStreamReader(Objects.requireNonNull(
                    SampleCustomers.class.getResourceAsStream("/customer/sample-customers.properties")),
                    StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Words(p.getProperty("header"), p.getProperty("surnames").split(""),
                    p.getProperty("given").split(""), p.getProperty("brands").split(""),
                    p.getProperty("cities").split(","), p.getProperty("trades").split(","),
                    p.getProperty("company"), p.getProperty("tiers").split(","), p.getProperty("tags").split(","));
        }
    }
}
