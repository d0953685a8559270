package io.kefu.knowledge.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;


import io.kefu.notification.NotificationChannel;
import io.kefu.notification.NotificationRequest;
import io.kefu.notification.Notifications;
import io.kefu.platform.web.Locales;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds owners of articles that reached their expiry date, in the app and by email, once per expiry date: a
 * reminded date is stored on the article (in the same transaction as the notifications), and a new date set later
 * earns a new reminder. Archived articles are not served and need none.
 */
@Component
public class ExpiryReminders {

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final ArticleService articles;
    private final MessageSource messages;

    ExpiryReminders(JdbcClient jdbc, Notifications notifications, ArticleService articles, MessageSource messages) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.articles = articles;
        this.messages = messages;
    }

    private record Due(long id, String title, long ownerId, LocalDate expiresOn) {
    }

    /** Sends the reminders that are due; returns how many articles were reminded of. */
    @Transactional
    public int remindDue() {
        List<Due> due = jdbc.sql("""
                SELECT id, title, owner_id, expires_on FROM kb_article
                WHERE expires_on <= :today AND state <> 'ARCHIVED'
                  AND (reminded_expiry_on IS NULL OR reminded_expiry_on <> expires_on)
                ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED""")
                .param("today", Date.valueOf(articles.today()))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getDate(4).toLocalDate())).list();
        for (Due article : due) {
            String subject = messages.getMessage("knowledge.expiry.subject", new Object[]{article.title()},
                    Locales.DEFAULT);
            String body = messages.getMessage("knowledge.expiry.body",
                    new Object[]{article.title(), article.expiresOn().toString()}, Locales.DEFAULT);
            String link = "/knowledge/articles/" + article.id();
            String key = "knowledge-expiry:" + article.id() + ":" + article.expiresOn();
            for (NotificationChannel channel : List.of(NotificationChannel.IN_APP, NotificationChannel.EMAIL)) {
                notifications.send(NotificationRequest.toStaff(channel, article.ownerId(), subject, body, link,
                        key + ":" + channel));
            }
            jdbc.sql("UPDATE kb_article SET reminded_expiry_on = expires_on WHERE id = :id")
                    .param("id", article.id()).update();
        }
        return due.size();
    }
}
