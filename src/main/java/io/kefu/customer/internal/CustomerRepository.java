package io.kefu.customer.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.CustomerType;
import io.kefu.customer.IdentityKind;
import io.kefu.customer.LifecycleStage;
import io.kefu.platform.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain SQL over the customer tables. Arrays go to PostgreSQL as JSON text and are unpacked there, since named
 * parameters would otherwise spread a Java array into a list of values.
 */
@Repository
public class CustomerRepository {

    static final String COLUMNS = """
            c.id, c.type, c.name, c.organization_id, o.name AS organization_name, c.owner_id, c.department_id, c.tier,
            c.tags, c.region, c.lifecycle_stage, c.birthday, c.consent_email, c.consent_sms, c.consent_phone,
            c.attributes, c.merged_into_id, c.created_at, c.updated_at, c.version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CustomerRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(CustomerDraft d, Long departmentId, SearchKeys keys) {
        return jdbc.sql("""
                INSERT INTO customer (type, name, organization_id, owner_id, department_id, tier, tags, region,
                    lifecycle_stage, birthday, consent_email, consent_sms, consent_phone, attributes,
                    search_name, name_grams, pinyin_initials, pinyin_full)
                VALUES (:type, :name, :organizationId, :ownerId, :departmentId, :tier, %s, :region,
                    :stage, :birthday, :consentEmail, :consentSms, :consentPhone, CAST(:attributes AS jsonb),
                    :searchName, %s, :initials, :pinyin)
                RETURNING id""".formatted(textArray("tags"), textArray("grams")))
                .params(draftParams(d, departmentId, keys))
                .query(Long.class).single();
    }

    /** @return false when the version no longer matches: someone else changed the customer meanwhile */
    boolean update(long id, long version, CustomerDraft d, Long departmentId, SearchKeys keys) {
        Map<String, Object> params = draftParams(d, departmentId, keys);
        params.put("id", id);
        params.put("version", version);
        return jdbc.sql("""
                UPDATE customer SET type = :type, name = :name, organization_id = :organizationId,
                    owner_id = :ownerId, department_id = :departmentId, tier = :tier, tags = %s, region = :region,
                    lifecycle_stage = :stage, birthday = :birthday, consent_email = :consentEmail,
                    consent_sms = :consentSms, consent_phone = :consentPhone, attributes = CAST(:attributes AS jsonb),
                    search_name = :searchName, name_grams = %s, pinyin_initials = :initials, pinyin_full = :pinyin,
                    updated_at = now(), version = version + 1
                WHERE id = :id AND version = :version""".formatted(textArray("tags"), textArray("grams")))
                .params(params).update() == 1;
    }

    Optional<CustomerRecord> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer c LEFT JOIN customer o ON o.id = c.organization_id"
                        + " WHERE c.id = :id")
                .param("id", id).query(this::map).optional()
                .map(c -> withIdentities(c, identitiesOf(List.of(id)).getOrDefault(id, List.of())));
    }

    List<CustomerRecord> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<CustomerIdentity>> identities = identitiesOf(ids);
        Map<Long, CustomerRecord> byId = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM customer c LEFT JOIN customer o ON o.id = c.organization_id"
                        + " WHERE c.id IN (:ids)")
                .param("ids", ids).query(this::map).list()
                .forEach(c -> byId.put(c.id(), withIdentities(c, identities.getOrDefault(c.id(), List.of()))));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    Map<Long, List<CustomerIdentity>> identitiesOf(Collection<Long> customerIds) {
        Map<Long, List<CustomerIdentity>> result = new HashMap<>();
        jdbc.sql("SELECT customer_id, kind, value FROM customer_identity WHERE customer_id IN (:ids) ORDER BY id")
                .param("ids", customerIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new CustomerIdentity(IdentityKind.valueOf(rs.getString(2)), rs.getString(3)));
                });
        return result;
    }

    /**
     * Which customers already hold any of these identities. One lookup per kind, each value found through the
     * unique index on (kind, value): an import asks this for every chunk of a file of millions of rows.
     */
    Map<CustomerIdentity, Long> holdersOf(Collection<CustomerIdentity> identities) {
        Map<CustomerIdentity, Long> holders = new HashMap<>();
        Map<IdentityKind, List<String>> byKind = new EnumMap<>(IdentityKind.class);
        identities.forEach(i -> byKind.computeIfAbsent(i.kind(), k -> new ArrayList<>()).add(i.value()));
        byKind.forEach((kind, values) -> jdbc
                .sql("SELECT value, customer_id FROM customer_identity WHERE kind = ? AND value = ANY (?)")
                .param(kind.name())
                .param(values.toArray(String[]::new))
                .query(rs -> {
                    holders.put(new CustomerIdentity(kind, rs.getString(1)), rs.getLong(2));
                }));
        return holders;
    }

    void replaceIdentities(long customerId, List<CustomerIdentity> identities) {
        jdbc.sql("DELETE FROM customer_identity WHERE customer_id = :id").param("id", customerId).update();
        addIdentities(customerId, identities);
    }

    /** The identities of a customer, in one statement. */
    void addIdentities(long customerId, List<CustomerIdentity> identities) {
        if (identities.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO customer_identity (customer_id, kind, value) "
                        + "SELECT :id, kind, value FROM unnest(CAST(:kinds AS text[]), CAST(:values AS text[])) "
                        + "WITH ORDINALITY AS i(kind, value, n) ORDER BY n")
                .param("id", customerId)
                .param("kinds", identities.stream().map(i -> i.kind().name()).toArray(String[]::new))
                .param("values", identities.stream().map(CustomerIdentity::value).toArray(String[]::new))
                .update();
    }

    /** Adds one identity to the customer unless someone holds it already; says whether it was added. */
    boolean addIdentity(long customerId, CustomerIdentity identity) {
        return jdbc.sql("""
                INSERT INTO customer_identity (customer_id, kind, value) VALUES (:id, :kind, :value)
                ON CONFLICT (kind, value) DO NOTHING""")
                .param("id", customerId).param("kind", identity.kind().name()).param("value", identity.value())
                .update() == 1;
    }

    /** Locks two customers for the rest of the transaction, the smaller id first. */
    void lock(long first, long second) {
        jdbc.sql("SELECT id FROM customer WHERE id IN (:first, :second) ORDER BY id FOR UPDATE")
                .param("first", first).param("second", second).query(Long.class).list();
    }

    /** Moves identities, contacts and timeline of {@code sourceId} to {@code survivorId}, and marks the source. */
    void mergeInto(long survivorId, long sourceId) {
        jdbc.sql("UPDATE customer_identity SET customer_id = :survivor WHERE customer_id = :source")
                .param("survivor", survivorId).param("source", sourceId).update();
        jdbc.sql("UPDATE customer SET organization_id = :survivor WHERE organization_id = :source AND id <> :survivor")
                .param("survivor", survivorId).param("source", sourceId).update();
        jdbc.sql("UPDATE customer_timeline SET customer_id = :survivor WHERE customer_id = :source")
                .param("survivor", survivorId).param("source", sourceId).update();
        jdbc.sql("""
                UPDATE customer SET merged_into_id = :survivor, updated_at = now(), version = version + 1
                WHERE id = :source""")
                .param("survivor", survivorId).param("source", sourceId).update();
        jdbc.sql("UPDATE customer SET updated_at = now(), version = version + 1 WHERE id = :survivor")
                .param("survivor", survivorId).update();
    }

    /**
     * Gives every live customer of {@code fromOwner} (optionally only one lifecycle stage or tier) to
     * {@code toOwner}, with her department, and notes it on each timeline.
     * @return how many customers changed hands
     */
    int transfer(long fromOwner, long toOwner, Long toDepartment, LifecycleStage stage, String tier,
                 CustomerScope scope, String actor, String summary) {
        return jdbc.sql("""
                WITH moved AS (
                    UPDATE customer c SET owner_id = :to, department_id = :department, updated_at = now(),
                        version = version + 1
                    WHERE c.owner_id = :from AND c.merged_into_id IS NULL AND %s
                      AND (CAST(:stage AS varchar) IS NULL OR c.lifecycle_stage = :stage)
                      AND (CAST(:tier AS varchar) IS NULL OR c.tier = :tier)
                    RETURNING c.id)
                INSERT INTO customer_timeline (customer_id, kind, actor_name, summary)
                SELECT id, 'customer.ownerChanged', :actor, :summary FROM moved""".formatted(scope.sqlCondition()))
                .param("from", fromOwner).param("to", toOwner).param("department", toDepartment)
                .param("stage", stage == null ? null : stage.name()).param("tier", tier)
                .param("actor", actor).param("summary", summary)
                .update();
    }

    void addLoyaltyPoints(long customerId, int points) {
        jdbc.sql("UPDATE customer SET loyalty_points = loyalty_points + :points WHERE id = :id")
                .param("points", points).param("id", customerId).update();
    }

    int loyaltyPoints(long customerId) {
        return jdbc.sql("SELECT loyalty_points FROM customer WHERE id = :id").param("id", customerId)
                .query(Integer.class).optional().orElse(0);
    }

    void addTimeline(long customerId, String kind, String actor, String summary, String source) {
        jdbc.sql("""
                INSERT INTO customer_timeline (customer_id, kind, actor_name, summary, source)
                VALUES (:id, :kind, :actor, :summary, :source)""")
                .param("id", customerId).param("kind", kind).param("actor", actor).param("summary", summary)
                .param("source", source).update();
    }

    /** A timeline entry whose actor is the customer herself, named in the same statement (as far as it fits). */
    void addTimelineByCustomer(long customerId, String kind, String summary, String source) {
        jdbc.sql("""
                INSERT INTO customer_timeline (customer_id, kind, actor_name, summary, source)
                SELECT id, :kind, left(name, 100), :summary, :source FROM customer WHERE id = :id""")
                .param("id", customerId).param("kind", kind).param("summary", summary).param("source", source)
                .update();
    }

    List<TimelineEntry> timeline(long customerId, Long beforeId, int limit) {
        return jdbc.sql("""
                SELECT id, occurred_at, kind, actor_name, summary, source FROM customer_timeline
                WHERE customer_id = :id AND (CAST(:before AS bigint) IS NULL OR id < :before)
                ORDER BY occurred_at DESC, id DESC LIMIT :limit""")
                .param("id", customerId).param("before", beforeId).param("limit", limit)
                .query((rs, n) -> new TimelineEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    /**
     * After a large import: fresh statistics, so that searches are planned for the table's new size, and the
     * inverted indexes' pending entries merged, which would otherwise be scanned one by one by every search.
     */
    void refreshSearchStatistics() {
        jdbc.sql("ANALYZE customer").update();
        jdbc.sql("ANALYZE customer_identity").update();
        jdbc.sql("SELECT gin_clean_pending_list('customer_name_grams')").query().singleValue();
        jdbc.sql("SELECT gin_clean_pending_list('customer_identity_value_trgm')").query().singleValue();
    }

    /**
     * Serialises creators of the same identities until the end of the transaction, so that two requests bringing
     * one new phone number create one customer between them.
     */
    void lockIdentities(List<CustomerIdentity> identities) {
        identities.stream().map(i -> i.kind().name() + ":" + i.value()).sorted().forEach(key ->
                jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", key)
                        .query((rs, n) -> 1).list());
    }

    List<CustomerDirectory.CustomerSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, name, tier, owner_id, department_id FROM customer WHERE id = ANY(:ids)")
                .param("ids", ids.stream().distinct().toArray(Long[]::new))
                .query((rs, n) -> new CustomerDirectory.CustomerSummary(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getObject(4, Long.class), rs.getObject(5, Long.class)))
                .list();
    }

    Optional<Long> findByIdentity(CustomerIdentity identity) {
        return jdbc.sql("""
                SELECT c.id FROM customer_identity i JOIN customer c ON c.id = i.customer_id
                WHERE i.kind = :kind AND i.value = :value AND c.merged_into_id IS NULL""")
                .param("kind", identity.kind().name()).param("value", identity.value())
                .query(Long.class).optional();
    }

    private Map<String, Object> draftParams(CustomerDraft d, Long departmentId, SearchKeys keys) {
        Map<String, Object> p = new HashMap<>();
        p.put("type", d.type().name());
        p.put("name", d.name().strip());
        p.put("organizationId", d.organizationId());
        p.put("ownerId", d.ownerId());
        p.put("departmentId", departmentId);
        p.put("tier", Text.blankToNull(d.tier()));
        p.put("tags", json.writeValueAsString(d.tags()));
        p.put("region", Text.blankToNull(d.region()));
        p.put("stage", d.lifecycleStage().name());
        p.put("birthday", d.birthday() == null ? null : Date.valueOf(d.birthday()));
        p.put("consentEmail", d.consent().email());
        p.put("consentSms", d.consent().sms());
        p.put("consentPhone", d.consent().phone());
        p.put("attributes", json.writeValueAsString(d.attributes()));
        p.put("searchName", keys.searchName());
        p.put("grams", json.writeValueAsString(keys.grams()));
        p.put("initials", keys.pinyinInitials());
        p.put("pinyin", keys.pinyinFull());
        return p;
    }

    private static String textArray(String param) {
        return "ARRAY(SELECT jsonb_array_elements_text(CAST(:" + param + " AS jsonb)))";
    }

    CustomerRecord map(ResultSet rs, int row) throws SQLException {
        Date birthday = rs.getDate("birthday");
        return new CustomerRecord(rs.getLong("id"), CustomerType.valueOf(rs.getString("type")), rs.getString("name"),
                (Long) rs.getObject("organization_id"), rs.getString("organization_name"),
                (Long) rs.getObject("owner_id"), (Long) rs.getObject("department_id"), rs.getString("tier"),
                strings(rs.getArray("tags")), rs.getString("region"),
                LifecycleStage.valueOf(rs.getString("lifecycle_stage")),
                birthday == null ? null : birthday.toLocalDate(),
                new CustomerRecord.Consent(rs.getBoolean("consent_email"), rs.getBoolean("consent_sms"),
                        rs.getBoolean("consent_phone")),
                json.readValue(rs.getString("attributes"), new TypeReference<Map<String, Object>>() { }),
                List.of(), (Long) rs.getObject("merged_into_id"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }

    private static CustomerRecord withIdentities(CustomerRecord c, List<CustomerIdentity> identities) {
        return new CustomerRecord(c.id(), c.type(), c.name(), c.organizationId(), c.organizationName(), c.ownerId(),
                c.departmentId(), c.tier(), c.tags(), c.region(), c.lifecycleStage(), c.birthday(), c.consent(),
                c.attributes(), List.copyOf(identities), c.mergedIntoId(), c.createdAt(), c.updatedAt(), c.version());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
