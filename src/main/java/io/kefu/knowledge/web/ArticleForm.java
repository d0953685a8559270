package io.kefu.knowledge.web;

import java.time.LocalDate;
import java.util.List;

import io.kefu.knowledge.Visibility;
import io.kefu.knowledge.internal.Article;
import io.kefu.knowledge.internal.ArticleDraft;
import org.springframework.format.annotation.DateTimeFormat;

/** The editor's fields; tags are typed as one comma-separated line. */
public class ArticleForm {

    private String title;
    private String body;
    private Visibility visibility = Visibility.INTERNAL;
    private Long categoryId;
    private String tags;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate expiresOn;
    private Integer baseVersion;
    private Long sourceTicketId;

    static ArticleForm of(Article article) {
        ArticleForm form = new ArticleForm();
        form.title = article.title();
        form.body = article.body();
        form.visibility = article.visibility();
        form.categoryId = article.categoryId();
        form.tags = String.join(", ", article.tags());
        form.expiresOn = article.expiresOn();
        form.baseVersion = article.currentVersion();
        return form;
    }

    ArticleDraft toDraft() {
        return new ArticleDraft(title, body, visibility, categoryId, tags == null ? List.of() : List.of(tags),
                expiresOn);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    public void setVisibility(Visibility visibility) {
        this.visibility = visibility;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }

    public Integer getBaseVersion() {
        return baseVersion;
    }

    public void setBaseVersion(Integer baseVersion) {
        this.baseVersion = baseVersion;
    }

    public Long getSourceTicketId() {
        return sourceTicketId;
    }

    public void setSourceTicketId(Long sourceTicketId) {
        this.sourceTicketId = sourceTicketId;
    }
}
