package io.kefu.customer;

import java.util.ArrayList;
import java.util.List;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Customer 360 through the REST API, as an integrator or our own screens use it. */
@KefuTest
class CustomerApiTest {

    @LocalServerPort
    int port;

    ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
    }

    @Test
    void aNewCustomerComesBackWithNormalisedMaskedIdentities() {
        String phone = uniquePhone();
        ApiClient.Response created = admin.post("/api/v1/customers", """
                {"name": "张三丰", "phones": ["+86 %s-%s-%s"], "emails": ["  ZhangSF@Example.COM "],
                 "lifecycleStage": "EXPLORATION", "tags": ["VIP", "宽带"], "birthday": "1990-05-01"}"""
                .formatted(phone.substring(0, 3), phone.substring(3, 7), phone.substring(7)));

        assertThat(created.status()).isEqualTo(201);
        JsonNode c = created.json();
        assertThat(c.get("type").asString()).isEqualTo("PERSON");
        assertThat(c.get("phones").get(0).asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(c.get("emails").get(0).asString()).isEqualTo("z***@example.com");
        assertThat(c.get("masked").asBoolean()).isTrue();

        JsonNode revealed = admin.get("/api/v1/customers/" + c.get("id").asLong() + "?reveal=true").json();
        assertThat(revealed.get("phones").get(0).asString()).isEqualTo(phone);
        assertThat(revealed.get("emails").get(0).asString()).isEqualTo("zhangsf@example.com");
        assertThat(admin.get("/api/v1/audit?action=customer.revealed&targetId=" + c.get("id").asLong()).json())
                .hasSize(1);
    }

    @Test
    void aPhoneThatBelongsToSomeoneElseIsAConflictNamingHer() {
        String phone = uniquePhone();
        long first = create("{\"name\": \"李四\", \"phones\": [\"" + phone + "\"]}");

        ApiClient.Response second = admin.post("/api/v1/customers",
                "{\"name\": \"李四（重复）\", \"phones\": [\"+86" + phone + "\"]}");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("duplicateOf").asLong()).isEqualTo(first);
        assertThat(second.json().get("field").asString()).isEqualTo("phones");
        assertThat(second.json().get("detail").asString()).contains("李四", "#" + first);
    }

    @Test
    void badInputIsRefusedFieldByField() {
        assertThat(admin.post("/api/v1/customers", "{\"phones\": [\"13800000000\"]}").json()
                .get("field").asString()).isEqualTo("name");
        ApiClient.Response badPhone = admin.inLanguage("en").post("/api/v1/customers",
                "{\"name\": \"王五\", \"phones\": [\"12\"]}");
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.json().get("detail").asString()).isEqualTo("\"12\" is not a valid phone number.");
        assertThat(admin.post("/api/v1/customers", "{\"name\": \"王五\", \"lifecycleStage\": \"NOPE\"}").status())
                .isEqualTo(400);
        assertThat(admin.post("/api/v1/customers", "{\"name\": \"王五\", \"attributes\": {\"nope\": 1}}").json()
                .get("field").asString()).isEqualTo("attributes");
    }

    @Test
    void searchFindsByChineseFragmentInEitherScriptPinyinInitialsPhoneFragmentAndEmail() {
        String phone = uniquePhone();
        String email = "s" + System.nanoTime() + "@kefu-test.cn";
        long id = create("""
                {"name": "欧阳客户服务", "phones": ["%s"], "emails": ["%s"]}""".formatted(phone, email));

        assertThat(searchIds("客户")).contains(id);
        assertThat(searchIds("客戶服務")).contains(id);
        assertThat(searchIds("oykhfw")).contains(id);
        assertThat(searchIds("ouyang")).contains(id);
        assertThat(searchIds(phone.substring(5, 10))).contains(id);
        assertThat(searchIds(email.toUpperCase())).contains(id);
        assertThat(searchIds("不存在的名字")).doesNotContain(id);
    }

    @Test
    void aTwoCharacterNameFragmentIsFoundAcrossASpaceAndALongerOneOnlyWhole() {
        long spaced = create("{\"name\": \"鼋 鼍商行\"}");
        long repeated = create("{\"name\": \"鼋鼍鼋商行\"}");

        assertThat(searchIds("鼋鼍")).contains(spaced, repeated);
        assertThat(searchIds("鼋鼍鼋")).contains(repeated).doesNotContain(spaced);
        // both of its 2-character pieces are in 鼋鼍鼋商行, but not the fragment itself
        assertThat(searchIds("鼍鼋鼍")).doesNotContain(repeated);
    }

    @Test
    void searchPagesWithACursor() {
        String tag = "翻页" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            create("{\"name\": \"" + tag + i + "\"}");
        }
        JsonNode first = admin.get("/api/v1/customers?limit=2&q=" + tag).json();
        assertThat(first.get("items")).hasSize(2);
        JsonNode second = admin.get("/api/v1/customers?limit=2&q=" + tag + "&cursor="
                + first.get("nextCursor").asLong()).json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void aCustomerManagerSeesOnlyHerOwnCustomers() {
        long chenjing = Lookups.staffId(admin, TestAccounts.CUSTOMER_MANAGER);
        long hers = create("{\"name\": \"陈经理的客户\", \"ownerId\": " + chenjing + "}");
        long other = create("{\"name\": \"别人的客户\"}");
        ApiClient manager = new ApiClient(port, Lookups.tokenFor(admin, chenjing));

        assertThat(manager.get("/api/v1/customers/" + hers).status()).isEqualTo(200);
        assertThat(manager.get("/api/v1/customers/" + other).status()).isEqualTo(404);
        List<Long> seen = ids(manager.get("/api/v1/customers?limit=100&q=客户").json());
        assertThat(seen).contains(hers).doesNotContain(other);
    }

    @Test
    void anAgentSeesMaskedDataAndMayNotRevealIt() {
        long id = create("{\"name\": \"打码测试\", \"phones\": [\"" + uniquePhone() + "\"]}");
        ApiClient agent = new ApiClient(port, Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.AGENT)));

        assertThat(agent.get("/api/v1/customers/" + id).json().get("phones").get(0).asString()).contains("****");
        assertThat(agent.get("/api/v1/customers/" + id + "?reveal=true").status()).isEqualTo(403);
    }

    @Test
    void mergeMovesIdentitiesAndTimelineAndCanBeAskedTwice() {
        String phone = uniquePhone();
        long survivor = create("{\"name\": \"赵六\", \"tags\": [\"老客户\"]}");
        long source = create("{\"name\": \"赵六（微信）\", \"phones\": [\"" + phone + "\"], \"wechatOpenId\": \"o"
                + System.nanoTime() + "\", \"tags\": [\"微信\"], \"region\": \"上海\"}");

        JsonNode merged = admin.post("/api/v1/customers/" + survivor + "/merge", "{\"sourceId\": " + source + "}")
                .json();

        assertThat(merged.get("phones")).hasSize(1);
        assertThat(merged.get("wechatOpenId").isNull()).isFalse();
        assertThat(merged.get("tags").toString()).contains("老客户", "微信");
        assertThat(merged.get("region").asString()).isEqualTo("上海");
        assertThat(admin.get("/api/v1/customers/" + source).json().get("mergedIntoId").asLong()).isEqualTo(survivor);
        assertThat(searchIds(phone.substring(3))).contains(survivor).doesNotContain(source);
        List<String> kinds = new ArrayList<>();
        admin.get("/api/v1/customers/" + survivor + "/timeline").json()
                .forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).contains("customer.merged").filteredOn("customer.created"::equals).hasSize(2);

        assertThat(admin.post("/api/v1/customers/" + survivor + "/merge", "{\"sourceId\": " + source + "}").status())
                .isEqualTo(200);
        assertThat(admin.post("/api/v1/customers/" + survivor + "/merge", "{\"sourceId\": " + survivor + "}")
                .status()).isEqualTo(409);
    }

    @Test
    void transferHandsAllCustomersOfOneOwnerToAnotherAndKeepsHistory() {
        long leaving = createStaff("离职经理");
        long successor = createStaff("接任经理");
        long a = create("{\"name\": \"移交甲\", \"ownerId\": " + leaving + "}");
        long b = create("{\"name\": \"移交乙\", \"ownerId\": " + leaving + "}");

        JsonNode result = admin.post("/api/v1/customers/transfer",
                "{\"fromOwnerId\": " + leaving + ", \"toOwnerId\": " + successor + "}").json();

        assertThat(result.get("transferred").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/v1/customers/" + a).json().get("ownerId").asLong()).isEqualTo(successor);
        assertThat(admin.get("/api/v1/customers/" + b + "/timeline").json().get(0).get("kind").asString())
                .isEqualTo("customer.ownerChanged");
        assertThat(admin.get("/api/v1/audit?action=customer.transferred&targetId=" + leaving).json()).hasSize(1);
    }

    @Test
    void patchChangesOnlyWhatIsSentAndNotesJoinTheTimeline() {
        String phone = uniquePhone();
        long id = create("{\"name\": \"孙七\", \"phones\": [\"" + phone + "\"], \"tier\": \"普通\"}");

        JsonNode patched = admin.patch("/api/v1/customers/" + id, "{\"tier\": \"金卡\", \"consentSms\": true}")
                .json();
        assertThat(patched.get("tier").asString()).isEqualTo("金卡");
        assertThat(patched.get("consentSms").asBoolean()).isTrue();
        assertThat(patched.get("phones")).hasSize(1);
        assertThat(patched.get("name").asString()).isEqualTo("孙七");

        assertThat(admin.post("/api/v1/customers/" + id + "/notes", "{\"text\": \"客户来电咨询宽带提速\"}").status())
                .isEqualTo(201);
        JsonNode newest = admin.get("/api/v1/customers/" + id + "/timeline").json().get(0);
        assertThat(newest.get("kind").asString()).isEqualTo("customer.note");
        assertThat(newest.get("summary").asString()).isEqualTo("客户来电咨询宽带提速");
    }

    @Test
    void customAttributesAreCheckedAgainstTheirFields() {
        admin.post("/api/v1/customer-fields", """
                {"key": "broadbandPlan", "label": "宽带套餐", "type": "CHOICE", "options": ["100M", "500M", "1000M"]}""");
        admin.post("/api/v1/customer-fields", "{\"key\": \"contractEnd\", \"label\": \"合约到期\", \"type\": \"DATE\"}");

        JsonNode ok = admin.post("/api/v1/customers", """
                {"name": "属性测试", "attributes": {"broadbandPlan": "500M", "contractEnd": "2027-06-30"}}""").json();
        assertThat(ok.get("attributes").get("broadbandPlan").asString()).isEqualTo("500M");

        ApiClient.Response bad = admin.post("/api/v1/customers",
                "{\"name\": \"属性测试\", \"attributes\": {\"broadbandPlan\": \"10G\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("宽带套餐", "10G");
    }

    @Test
    void aContactBelongsToAnOrganisation() {
        long org = create("{\"name\": \"星辰网络科技有限公司\", \"type\": \"ORGANIZATION\"}");
        JsonNode contact = admin.post("/api/v1/customers",
                "{\"name\": \"周联系人\", \"organizationId\": " + org + "}").json();

        assertThat(contact.get("organizationName").asString()).isEqualTo("星辰网络科技有限公司");
        assertThat(admin.post("/api/v1/customers", "{\"name\": \"x\", \"organizationId\": " + contact.get("id").asLong()
                + "}").status()).isEqualTo(400);
    }

    private long create(String json) {
        ApiClient.Response answer = admin.post("/api/v1/customers", json);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asLong();
    }

    private long createStaff(String displayName) {
        return admin.post("/api/v1/staff", """
                {"username": "m%s", "displayName": "%s", "roleIds": [%d], "password": "Manager-Pass-2026"}"""
                .formatted(Long.toString(System.nanoTime(), 36), displayName,
                        Lookups.roleId(admin, "CUSTOMER_MANAGER"))).json().get("id").asLong();
    }

    private List<Long> searchIds(String q) {
        return ids(admin.get("/api/v1/customers?limit=100&q=" + java.net.URLEncoder.encode(q,
                java.nio.charset.StandardCharsets.UTF_8)).json());
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }

    static String uniquePhone() {
        long n = System.nanoTime() % 100_000_000L;
        return "139" + String.format("%08d", n);
    }
}
