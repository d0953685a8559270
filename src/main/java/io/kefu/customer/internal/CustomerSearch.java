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
 * Results come newest first in pages: the cursor is the last id of the previous page. Each way of matching is its
 * own query with its own {@code ORDER BY id DESC LIMIT}, so that PostgreSQL can pick per query between reading the
 * few matches from their index and walking the newest customers until enough match a common fragment (王伟).
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
        String visible = "c.merged_into_id IS NULL AND " + scope.sqlCondition()
                + (cursor == null ? "" : " AND c.id < " + cursor.longValue());
        String top = " ORDER BY c.id DESC LIMIT " + limit;
        List<Object> params = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        for (Branch branch : branches(q)) {
            branches.add("(SELECT c.id FROM " + branch.from() + " WHERE " + branch.where() + " AND " + visible + top
                    + ")");
            params.addAll(branch.params());
        }
        String sql = branches.size() == 1 ? branches.get(0)
                : "SELECT id FROM (" + String.join(" UNION ", branches) + ") matches ORDER BY id DESC LIMIT " + limit;
        return jdbc.sql(sql).params(params).query(Long.class).list();
    }

    /** One way of matching: a FROM that yields customers {@code c}, and its condition. */
    private record Branch(String from, String where, List<Object> params) {
        static Branch onCustomer(String where, Object... params) {
            return new Branch("customer c", where, List.of(params));
        }

        /**
         * Identity fragments (4+ digits, an email) match few customers: their matches are read from the trigram
         * index first. {@code OFFSET 0} keeps PostgreSQL from turning this into a walk of all customers that probes
         * the identities of each, which its estimate for {@code LIKE '%...%'} would otherwise often choose.
         */
        static Branch onIdentity(String where, Object... params) {
            return new Branch("(SELECT DISTINCT i.customer_id FROM customer_identity i WHERE " + where + " OFFSET 0) i"
                    + " JOIN customer c ON c.id = i.customer_id", "TRUE", List.of(params));
        }
    }

    private static List<Branch> branches(String q) {
        if (q.isEmpty()) {
            return List.of(Branch.onCustomer("TRUE"));
        }
        String compact = q.replaceAll("[\\s-]", "");
        if (DIGITS.matcher(compact).matches()) {
            return List.of(Branch.onIdentity("i.value LIKE ? AND i.kind IN ('PHONE', 'MEMBER_NO', 'ID_NUMBER')",
                    "%" + compact + "%"));
        }
        String lower = q.toLowerCase(Locale.ROOT);
        if (lower.contains("@")) {
            return List.of(Branch.onIdentity("i.kind = 'EMAIL' AND i.value LIKE ?", "%" + likeEscape(lower) + "%"));
        }
        List<Branch> branches = new ArrayList<>();
        branches.add(byName(SearchKeys.normalise(q)));
        if (LATIN.matcher(compact.toLowerCase(Locale.ROOT)).matches()) {
            String prefix = likeEscape(compact.toLowerCase(Locale.ROOT)) + "%";
            branches.add(Branch.onCustomer("c.pinyin_initials LIKE ?", prefix));
            branches.add(Branch.onCustomer("c.pinyin_full LIKE ?", prefix));
        } else if (CODE.matcher(compact).matches()) {
            branches.add(Branch.onIdentity("i.value LIKE ? AND i.kind IN ('MEMBER_NO', 'APP_USER_ID', 'ID_NUMBER',"
                    + " 'WECHAT_OPENID', 'WECHAT_UNIONID')", "%" + likeEscape(compact) + "%"));
        }
        return branches;
    }

    /** All 2-character pieces of the fragment in the name's pieces (the GIN index), then the exact fragment. */
    private static Branch byName(String normal) {
        List<String> grams = SearchKeys.fragmentGrams(normal);
        List<Object> params = new ArrayList<>(grams);
        params.add("%" + likeEscape(normal) + "%");
        String placeholders = String.join(", ", grams.stream().map(g -> "?").toList());
        return new Branch("customer c", "c.name_grams @> ARRAY[" + placeholders + "]::text[] AND c.search_name LIKE ?",
                params);
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
