package io.kefu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import io.kefu.search.SearchIndex;
import io.kefu.search.SearchMode;
import io.kefu.search.SearchSettings;
import io.kefu.search.TestCollection;

/**
 * How the blend's weights, the semantic floor and the query instruction of bge-small-zh change recall@5 and MRR on
 * the test collection: indexes it once, then reopens the index with each setting and scores every mode.
 * Usage: {@code SearchQualitySweep} (see bench/search.sh). The chosen defaults are in docs/benchmarks.md.
 */
public final class SearchQualitySweep {

    private SearchQualitySweep() {
    }

    public static void main(String[] args) throws Exception {
        TestCollection collection = TestCollection.load();
        Path folder = Files.createTempDirectory("kefu-search-sweep");
        try (SearchIndex index = SearchIndex.open(folder, SearchSettings.defaults())) {
            collection.articles().forEach(index::put);
        }
        for (boolean instruction : new boolean[] {false, true}) {
            try (SearchIndex index = SearchIndex.open(folder, settings(0.5, 0.4, 0.35, instruction))) {
                System.out.printf("instruction=%s SEMANTIC %s%n", instruction, collection.score(index, SearchMode.SEMANTIC));
            }
        }
        for (boolean instruction : new boolean[] {false, true}) {
            for (double text : new double[] {0.15, 0.25, 0.35, 0.5}) {
                for (double floor : new double[] {0.3, 0.45, 0.55}) {
                    try (SearchIndex index = SearchIndex.open(folder, settings(text, 0.9 - text, floor, instruction))) {
                        System.out.printf("instruction=%s text=%.2f semantic=%.2f floor=%.2f BLEND %s%n", instruction,
                                text, 0.9 - text, floor, collection.score(index, SearchMode.BLEND));
                    }
                }
            }
        }
    }

    private static SearchSettings settings(double text, double semantic, double floor, boolean instruction) {
        return new SearchSettings(text, semantic, 0.1, floor, Set.of("article"), instruction);
    }
}
