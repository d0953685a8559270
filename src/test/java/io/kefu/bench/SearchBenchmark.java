package io.kefu.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.kefu.search.SearchDocument;
import io.kefu.search.SearchIndex;
import io.kefu.search.SearchMode;
import io.kefu.search.SearchQuery;
import io.kefu.search.SearchSettings;
import io.kefu.search.TestCollection;

/**
 * Search at scale, through the public API on one folder: the embedding rate, the indexing throughput of articles
 * (embedded) and tickets (text only, the default), the time to rebuild each kind and to merge the index after, and
 * the search latency
 * (p50/p95/p99, one query at a time) of blended search over the articles and of text search over the tickets.
 * Documents are generated from the test collection's vocabulary: articles take a collection title with a variant
 * and 2-6 sentences of the same domain; tickets a customer's phrasing (a collection query or title) and 1-3
 * sentences, with an account number, in one of 20 departments. A kind already indexed in the folder in the
 * asked number is not indexed again, so a second run measures search only.
 *
 * <p>Usage: {@code SearchBenchmark <folder> <articles> <tickets> [queries per case, default 300] [text-only]}; with
 * {@code text-only} the articles are not embedded either (to measure text search over more articles than the
 * embedding rate allows; blended search then has only its text part).
 */
public final class SearchBenchmark {

    private static final String[] VARIANTS = {"", "", "", "\uff08\u4f01\u4e1a\u5ba2\u6237\uff09",
            "\uff08\u5e38\u89c1\u95ee\u9898\uff09", "\uff082026\u7248\uff09", "\u2014\u2014\u64cd\u4f5c\u6307\u5f15",
            "\u7684\u5904\u7406\u529e\u6cd5"};
    private static final String[] OPENINGS = {"\u5ba2\u6237\u6765\u7535\u53cd\u6620\uff1a",
            "\u7528\u6237\u5728App\u7559\u8a00\uff1a", "\u5ba2\u6237\u6295\u8bc9\uff1a", "\u5fae\u4fe1\u54a8\u8be2\uff1a",
            "\u5ba2\u6237\u518d\u6b21\u6765\u7535\uff0c"};

    private SearchBenchmark() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        int articleCount = Integer.parseInt(args[1]);
        int ticketCount = Integer.parseInt(args[2]);
        int queries = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        boolean textOnly = args.length > 4 && args[4].equals("text-only");
        SearchSettings settings = textOnly ? new SearchSettings(null, null, null, null, Set.of(), null)
                : SearchSettings.defaults();
        TestCollection collection = TestCollection.load();
        Vocabulary words = new Vocabulary(collection);
        System.out.printf("machine: %d cores, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        try (SearchIndex index = SearchIndex.open(folder, settings)) {
            boolean rebuilt = false;
            if (index.count("article") != articleCount) {
                measure(textOnly ? "articles, text only" : "articles, embedded", articleCount,
                        () -> index.rebuild("article", IntStream.range(0, articleCount).mapToObj(words::article)));
                rebuilt = true;
            }
            if (index.count("ticket") != ticketCount) {
                measure("tickets, text only", ticketCount,
                        () -> index.rebuild("ticket", IntStream.range(0, ticketCount).mapToObj(words::ticket)));
                rebuilt = true;
            }
            if (rebuilt) {
                long start = System.nanoTime();
                index.merge();
                System.out.printf("merge into one segment in %.1f s%n", (System.nanoTime() - start) / 1e9);
            }
            SplittableRandom random = new SplittableRandom(11);
            List<String> texts = new ArrayList<>();
            collection.queries().forEach(q -> texts.add(q.text()));
            System.out.printf("%-34s %8s %8s %8s %8s %8s%n", "search", "p50 ms", "p95 ms", "p99 ms", "max ms",
                    "avg hits");
            latency("articles BLEND (customer)", queries, random, () -> new SearchQuery(pick(texts, random),
                    Set.of("article"), Set.of("public"), SearchMode.BLEND, 10), index);
            latency("articles TEXT (customer)", queries, random, () -> new SearchQuery(pick(texts, random),
                    Set.of("article"), Set.of("public"), SearchMode.TEXT, 10), index);
            latency("articles SEMANTIC (agent)", queries, random, () -> new SearchQuery(pick(texts, random),
                    Set.of("article"), Set.of("public", "internal"), SearchMode.SEMANTIC, 10), index);
            latency("tickets TEXT (one department)", queries, random, () -> new SearchQuery(pick(texts, random),
                    Set.of("ticket"), Set.of("dept:" + random.nextInt(20)), SearchMode.TEXT, 20), index);
            latency("tickets TEXT (all departments)", queries, random, () -> new SearchQuery(pick(texts, random),
                    Set.of("ticket"), Set.of("all"), SearchMode.TEXT, 20), index);
        }
    }

    private static void measure(String what, int count, java.util.function.LongSupplier indexing) {
        long start = System.nanoTime();
        long indexed = indexing.getAsLong();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("rebuild %-20s %,d documents in %.1f s = %,.0f documents/s%n", what, indexed, seconds,
                count / seconds);
    }

    private static void latency(String name, int requests, SplittableRandom random,
                                java.util.function.Supplier<SearchQuery> query, SearchIndex index) {
        for (int i = 0; i < 30; i++) {
            index.search(query.get());
        }
        double[] millis = new double[requests];
        long hits = 0;
        for (int i = 0; i < requests; i++) {
            SearchQuery q = query.get();
            long start = System.nanoTime();
            hits += index.search(q).size();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%-34s %8.1f %8.1f %8.1f %8.1f %8.1f%n", name, at(millis, 0.50), at(millis, 0.95),
                at(millis, 0.99), millis[millis.length - 1], hits / (double) requests);
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static <T> T pick(List<T> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }

    /** Titles, sentences and phrasings of the collection, by domain (articles are in blocks of 34 per domain). */
    private static final class Vocabulary {
        private final List<List<String>> titles = new ArrayList<>();
        private final List<List<String>> sentences = new ArrayList<>();
        private final List<String> phrasings = new ArrayList<>();

        Vocabulary(TestCollection collection) {
            for (SearchDocument article : collection.articles()) {
                int domain = (int) ((article.id() - 1) / 34);
                while (titles.size() <= domain) {
                    titles.add(new ArrayList<>());
                    sentences.add(new ArrayList<>());
                }
                titles.get(domain).add(article.title());
                Stream.of(article.body().split("(?<=\u3002)")).filter(s -> !s.isBlank())
                        .forEach(sentences.get(domain)::add);
                phrasings.add(article.title());
            }
            collection.queries().forEach(q -> phrasings.add(q.text()));
        }

        SearchDocument article(int n) {
            SplittableRandom random = new SplittableRandom(n);
            int domain = random.nextInt(titles.size());
            String title = pick(titles.get(domain), random) + VARIANTS[random.nextInt(VARIANTS.length)];
            return new SearchDocument("article", n, title, sentences(domain, 2 + random.nextInt(5), random),
                    Set.of(random.nextInt(4) == 0 ? "internal" : "public"), random.nextInt(5000),
                    Instant.EPOCH.plusSeconds(n));
        }

        SearchDocument ticket(int n) {
            SplittableRandom random = new SplittableRandom(-n - 1L);
            int domain = random.nextInt(titles.size());
            String body = OPENINGS[random.nextInt(OPENINGS.length)] + pick(phrasings, random) + "\u3002"
                    + sentences(domain, 1 + random.nextInt(3), random) + " \u8d26\u53f7"
                    + (10_000_000 + random.nextInt(90_000_000));
            return new SearchDocument("ticket", n, pick(phrasings, random), body,
                    Set.of("dept:" + random.nextInt(20), "owner:" + random.nextInt(500), "all"),
                    0, Instant.EPOCH.plusSeconds(n));
        }

        private String sentences(int domain, int count, SplittableRandom random) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                text.append(pick(sentences.get(domain), random));
            }
            return text.toString();
        }
    }
}
