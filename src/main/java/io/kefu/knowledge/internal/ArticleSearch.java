package io.kefu.knowledge.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.kefu.knowledge.ArticleChanged;
import io.kefu.knowledge.ArticleState;
import io.kefu.knowledge.Visibility;
import io.kefu.platform.SafeHtml;
import io.kefu.search.SearchDocument;
import io.kefu.search.SearchHit;
import io.kefu.search.SearchIndex;
import io.kefu.search.SearchQuery;
import io.kefu.search.SearchSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Published articles in the search index: public ones for customers and staff, internal ones for staff only. An
 * article is indexed when it is published and leaves the index when it goes back to draft or is archived. Its
 * popularity (views and uses in replies) is what it was at its last change or the last rebuild.
 */
@Component
public class ArticleSearch implements SearchSource {

    static final String KIND = "article";
    /** Who may find an article: customers in the help centre, or staff. */
    static final String CUSTOMERS = "public";
    static final String STAFF = "staff";
    /** A use in a reply says more about an article's worth than a reading. */
    private static final int USE_WEIGHT = 5;

    private final ArticleService articles;
    private final SearchIndex index;
    private final JdbcClient jdbc;

    ArticleSearch(ArticleService articles, SearchIndex index, JdbcClient jdbc) {
        this.articles = articles;
        this.index = index;
        this.jdbc = jdbc;
    }

    /** Public articles for the help centre. */
    public List<SearchHit> forCustomers(String text, int limit) {
        return index.search(SearchQuery.of(text, KIND, Set.of(CUSTOMERS), limit));
    }

    /** Internal and public articles for staff. */
    public List<SearchHit> forStaff(String text, int limit) {
        return index.search(SearchQuery.of(text, KIND, Set.of(STAFF), limit));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Stream<SearchDocument> all() {
        return jdbc.sql("SELECT id FROM kb_article WHERE state = 'PUBLISHED' ORDER BY id").query(Long.class).list()
                .stream().map(articles::get).map(ArticleSearch::documentOf);
    }

    /** Called in the changing transaction; the index applies it once that commits. */
    @EventListener
    void changed(ArticleChanged change) {
        if (change.state() == ArticleState.PUBLISHED) {
            index.put(documentOf(articles.get(change.articleId())));
        } else {
            index.remove(KIND, change.articleId());
        }
    }

    private static SearchDocument documentOf(Article article) {
        Set<String> keys = article.visibility() == Visibility.PUBLIC ? Set.of(CUSTOMERS, STAFF) : Set.of(STAFF);
        String body = SafeHtml.toText(article.body()) + (article.tags().isEmpty() ? ""
                : "\n" + String.join(" ", article.tags()));
        return new SearchDocument(KIND, article.id(), article.title(), body, keys,
                article.views() + (double) USE_WEIGHT * article.replyUses(), article.updatedAt());
    }
}
