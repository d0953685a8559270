package io.kefu.customer.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate jdbc;

    CustomerSearch(JdbcTemplate jdbc) {
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
        return jdbc.query(connection -> plannedForItsValues(connection, sql, params), (row, n) -> row.getLong(1));
    }

    /**
     * A statement PostgreSQL plans anew with each search's own values. The driver would otherwise prepare it on the
     * server after five uses, and PostgreSQL could then keep one plan for every value: a rare name fragment (龚凤)
     * would walk all customers newest first, as only a common one should (seconds at 2M customers, where its own
     * plan reads its few matches from the index in milliseconds), and a pinyin prefix would not reach its index.
     */
    private static PreparedStatement plannedForItsValues(Connection connection, String sql, List<Object> params)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        new ArgumentPreparedStatementSetter(params.toArray()).setValues(statement);
        return statement;
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

    /**
     * All 2-character pieces of the fragment in the name's pieces (the GIN index), then, for a longer fragment, the
     * fragment whole. A fragment of one or two characters is its own piece: checking it again would only make
     * PostgreSQL multiply two estimates of the same thing, take a common fragment (a city in organisations' names,
     * 青岛) for a rare one, and sort its thousands of matches where walking the newest customers finds 20 at once
     * (docs/benchmarks.md). Pieces leave spaces out, so such a fragment also finds a name with a space inside it.
     */
    private static Branch byName(String normal) {
        List<String> grams = SearchKeys.fragmentGrams(normal);
        List<Object> params = new ArrayList<>(grams);
        String placeholders = String.join(", ", grams.stream().map(g -> "?").toList());
        String where = "c.name_grams @> ARRAY[" + placeholders + "]::text[]";
        if (!SearchKeys.isOnePiece(normal)) {
            params.add("%" + likeEscape(normal) + "%");
            where += " AND c.search_name LIKE ?";
        }
        return new Branch("customer c", where, params);
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
