package io.kefu.customer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one search box. What is typed decides where to look, and every kind of match is answered by an index:
 * <ul>
 * <li>4 or more digits: any fragment of a phone, member number or id number (trigram index on identities);</li>
 * <li>an {@code @}: an email, whole or in part;</li>
 * <li>Latin letters only: pinyin initials ({@code zs} finds 张三) or full pinyin, as a prefix, and names in
 * Latin letters;</li>
 * <li>letters with digits: a fragment of a member number, app user id, id number or WeChat id;</li>
 * <li>anything else: a fragment of the name, compared in Simplified Chinese, through its 2-character pieces.</li>
 * </ul>
 * Results come newest first in pages: the cursor is the last id of the previous page.
 */
@Component
class CustomerSearch {

    private static final Pattern DIGITS = Pattern.compile("\\d{4,}");
    private static final Pattern LATIN = Pattern.compile("[a-z]+");
    /** Letters and digits together, 4 or more: a member number, an app user id, an id number. */
    private static final Pattern CODE = Pattern.compile("(?=.*\\d)(?=.*[A-Za-z])[A-Za-z0-9_-]{4,}");

    private final JdbcClient jdbc;

    CustomerSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Long> search(String query, CustomerScope scope, Long cursor, int limit) {
        String q = query == null ? "" : query.strip();
        List<Object> params = new ArrayList<>();
        String matches = matching(q, params);
        // The matches are found first through their index and joined to the customers, rather than filtering a
        // walk of all customers newest first, which would read most of the table for a rare match.
        String sql = "SELECT c.id FROM customer c"
                + (matches == null ? "" : " JOIN (" + matches + ") m ON m.id = c.id")
                + " WHERE c.merged_into_id IS NULL AND " + scope.sqlCondition()
                + (cursor == null ? "" : " AND c.id < " + cursor.longValue())
                + " ORDER BY c.id DESC LIMIT " + limit;
        return jdbc.sql(sql).params(params).query(Long.class).list();
    }

    /** A sub-select of the ids that match, or null when the query is empty (everything matches). */
    private static String matching(String q, List<Object> params) {
        if (q.isEmpty()) {
            return null;
        }
        String compact = q.replaceAll("[\\s-]", "");
        if (DIGITS.matcher(compact).matches()) {
            params.add("%" + compact + "%");
            return "SELECT DISTINCT customer_id AS id FROM customer_identity"
                    + " WHERE value LIKE ? AND kind IN ('PHONE', 'MEMBER_NO', 'ID_NUMBER')";
        }
        String lower = q.toLowerCase(Locale.ROOT);
        if (lower.contains("@")) {
            params.add("%" + likeEscape(lower) + "%");
            return "SELECT DISTINCT customer_id AS id FROM customer_identity WHERE kind = 'EMAIL' AND value LIKE ?";
        }
        String normal = SearchKeys.normalise(q);
        List<String> grams = SearchKeys.fragmentGrams(normal);
        StringBuilder byName = new StringBuilder("SELECT id FROM customer WHERE name_grams @> ARRAY[");
        for (int i = 0; i < grams.size(); i++) {
            byName.append(i == 0 ? "?" : ", ?");
            params.add(grams.get(i));
        }
        byName.append("]::text[] AND search_name LIKE ?");
        params.add("%" + likeEscape(normal) + "%");
        if (LATIN.matcher(compact.toLowerCase(Locale.ROOT)).matches()) {
            String prefix = likeEscape(compact.toLowerCase(Locale.ROOT)) + "%";
            params.add(prefix);
            params.add(prefix);
            return byName + " UNION SELECT id FROM customer WHERE pinyin_initials LIKE ?"
                    + " UNION SELECT id FROM customer WHERE pinyin_full LIKE ?";
        }
        if (CODE.matcher(compact).matches()) {
            params.add("%" + likeEscape(compact) + "%");
            return byName + " UNION SELECT customer_id FROM customer_identity WHERE value LIKE ?"
                    + " AND kind IN ('MEMBER_NO', 'APP_USER_ID', 'ID_NUMBER', 'WECHAT_OPENID', 'WECHAT_UNIONID')";
        }
        return byName.toString();
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
