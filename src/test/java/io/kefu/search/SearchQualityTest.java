package io.kefu.search;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranking quality on the fixed test collection ({@link TestCollection}), through the public API with the default
 * settings. The floors sit just under the figures measured when they were set (docs/benchmarks.md): a change that
 * makes search find fewer of the articles a person judged relevant fails here.
 */
class SearchQualityTest {

    @TempDir
    static Path folder;
    static SearchIndex index;
    static TestCollection collection;

    @BeforeAll
    static void indexTheCollection() {
        collection = TestCollection.load();
        index = SearchIndex.open(folder, SearchSettings.defaults());
        index.rebuild(TestCollection.KIND, collection.articles().stream());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void theCollectionIsLargeEnough() {
        assertThat(collection.articles()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(collection.queries()).hasSizeGreaterThanOrEqualTo(100);
    }

    @Test
    void textOnly() {
        TestCollection.Score score = collection.score(index, SearchMode.TEXT);
        System.out.println("TEXT     " + score);
        assertThat(score.recallAt5()).isGreaterThanOrEqualTo(0.84);
        assertThat(score.mrr()).isGreaterThanOrEqualTo(0.78);
    }

    @Test
    void semanticOnly() {
        TestCollection.Score score = collection.score(index, SearchMode.SEMANTIC);
        System.out.println("SEMANTIC " + score);
        assertThat(score.recallAt5()).isGreaterThanOrEqualTo(0.92);
        assertThat(score.mrr()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void blended() {
        TestCollection.Score score = collection.score(index, SearchMode.BLEND);
        System.out.println("BLEND    " + score);
        assertThat(score.recallAt5()).isGreaterThanOrEqualTo(0.95);
        assertThat(score.mrr()).isGreaterThanOrEqualTo(0.91);
    }
}
