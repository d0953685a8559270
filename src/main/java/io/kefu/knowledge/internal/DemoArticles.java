package io.kefu.knowledge.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kefu.identity.DemoCompanyLoaded;
import io.kefu.identity.StaffPrincipal;
import io.kefu.knowledge.ArticleAction;
import io.kefu.knowledge.Visibility;
import io.kefu.platform.BundledJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo company's published articles (from {@code demo/knowledge.json}), written, submitted and published
 * through the same workflow as any article, so the help centre of a new installation has something to read.
 */
@Component
class DemoArticles {

    private static final Logger log = LoggerFactory.getLogger(DemoArticles.class);
    private static final String ARTICLES = "demo/knowledge.json";

    record DemoArticle(String category, String title, String body, Visibility visibility, List<String> tags) {
    }

    /** @param author who the articles are shown as written and published by */
    record Demo(String author, List<String> categories, List<DemoArticle> articles) {
    }

    private final ArticleService articles;
    private final Categories categories;
    private final JsonMapper json;

    DemoArticles(ArticleService articles, Categories categories, JsonMapper json) {
        this.articles = articles;
        this.categories = categories;
        this.json = json;
    }

    @EventListener
    void load(DemoCompanyLoaded event) {
        Demo demo = BundledJson.read(json, ARTICLES, Demo.class);
        StaffPrincipal author = StaffPrincipal.system(demo.author());
        Map<String, Long> categoryIds = new HashMap<>();
        for (String name : demo.categories()) {
            categoryIds.put(name, categories.create(name, null));
        }
        for (DemoArticle article : demo.articles()) {
            long id = articles.create(new ArticleDraft(article.title(), article.body(), article.visibility(),
                    categoryIds.get(article.category()), article.tags(), null), null, author).id();
            articles.transition(id, ArticleAction.SUBMIT, null, author);
            articles.transition(id, ArticleAction.PUBLISH, null, author);
        }
        log.info("Loaded the demo knowledge base: {} published articles", demo.articles().size());
    }
}
