package io.kefu.customer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The corners: scope in transfers and duplicates, awkward spreadsheets, half-valid input. */
@KefuTest
class CustomerEdgeCasesTest {

    @LocalServerPort
    int port;

    ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
    }

    @Test
    void aSupervisorCannotTransferCustomersOfAnotherDepartment() {
        long chenjing = Lookups.staffId(admin, TestAccounts.CUSTOMER_MANAGER);
        long wangfang = Lookups.staffId(admin, TestAccounts.SUPERVISOR);
        long id = admin.post("/api/v1/customers", "{\"name\": \"商务部的客户\", \"ownerId\": " + chenjing + "}").json()
                .get("id").asLong();
        ApiClient supervisor = new ApiClient(port, Lookups.tokenFor(admin, wangfang));

        ApiClient.Response answer = supervisor.post("/api/v1/customers/transfer",
                "{\"fromOwnerId\": " + chenjing + ", \"toOwnerId\": " + wangfang + "}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/customers/" + id).json().get("ownerId").asLong()).isEqualTo(chenjing);
    }

    @Test
    void aSupervisorSeesHerDepartmentAndTheOnesBelowButNoOther() {
        long liming = Lookups.staffId(admin, TestAccounts.AGENT);
        long chenjing = Lookups.staffId(admin, TestAccounts.CUSTOMER_MANAGER);
        String tag = "范围" + System.nanoTime();
        long below = admin.post("/api/v1/customers", "{\"name\": \"" + tag + "热线\", \"ownerId\": " + liming + "}")
                .json().get("id").asLong();
        long elsewhere = admin.post("/api/v1/customers", "{\"name\": \"" + tag + "商务\", \"ownerId\": " + chenjing
                + "}").json().get("id").asLong();
        ApiClient supervisor = new ApiClient(port,
                Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.SUPERVISOR)));

        assertThat(supervisor.get("/api/v1/customers/" + below).status()).isEqualTo(200);
        assertThat(supervisor.get("/api/v1/customers/" + elsewhere).status()).isEqualTo(404);
        assertThat(supervisor.get("/api/v1/customers?q=" + tag).json().get("items")).hasSize(1);
    }

    @Test
    void anExportHoldsOnlyTheCustomersTheExporterMaySee() {
        long chenjing = Lookups.staffId(admin, TestAccounts.CUSTOMER_MANAGER);
        String tag = "导出范围" + System.nanoTime();
        admin.post("/api/v1/customers", "{\"name\": \"" + tag + "甲\", \"ownerId\": " + chenjing + "}");
        admin.post("/api/v1/customers", "{\"name\": \"" + tag + "乙\"}");
        ApiClient manager = new ApiClient(port, Lookups.tokenFor(admin, chenjing));

        String csv = new String(manager.download("/api/v1/customers/export?format=csv&q=" + tag),
                StandardCharsets.UTF_8);

        assertThat(csv).contains(tag + "甲").doesNotContain(tag + "乙");
    }

    @Test
    void aDuplicateIsNamedOnlyToWhoMaySeeIt() {
        String phone = CustomerApiTest.uniquePhone();
        admin.post("/api/v1/customers", "{\"name\": \"秘密客户\", \"phones\": [\"" + phone + "\"]}");
        ApiClient sales = new ApiClient(port, Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.SALES)));

        ApiClient.Response answer = sales.post("/api/v1/customers",
                "{\"name\": \"试探\", \"phones\": [\"" + phone + "\"]}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body()).doesNotContain("秘密客户").doesNotContain("duplicateOf");
        assertThat(answer.json().get("field").asString()).isEqualTo("phones");
    }

    @Test
    void halfValidInputIsRefusedNotStored() {
        long id = admin.post("/api/v1/customers", "{\"name\": \"空名测试\"}").json().get("id").asLong();

        assertThat(admin.patch("/api/v1/customers/" + id, "{\"name\": \"   \"}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/customers", "{\"name\": \"空标签\", \"tags\": [null, \"VIP\"]}").json()
                .get("tags").toString()).isEqualTo("[\"VIP\"]");
        long org = admin.post("/api/v1/customers", "{\"name\": \"某单位\", \"type\": \"ORGANIZATION\"}").json()
                .get("id").asLong();
        assertThat(admin.post("/api/v1/customers/" + id + "/merge", "{\"sourceId\": " + org + "}").status())
                .isEqualTo(409);
        assertThat(admin.get("/api/v1/customers/" + id).json().get("name").asString()).isEqualTo("空名测试");
    }

    @Test
    void awkwardRowsAreJudgedOneByOne() {
        String p1 = CustomerApiTest.uniquePhone();
        String p2 = CustomerApiTest.uniquePhone();
        String spaced = CustomerApiTest.uniquePhone();
        String longTier = "等".repeat(60);
        String csv = "姓名,手机,等级\n"
                + "甲," + p1 + ",\n"
                + "乙,\"" + p2 + ";" + p1 + "\",\n"
                + "丙," + p2 + ",\n"
                + "丁," + spaced.substring(0, 3) + " " + spaced.substring(3, 7) + " " + spaced.substring(7) + ",\n"
                + "戊," + CustomerApiTest.uniquePhone() + "," + longTier + "\n";

        JsonNode done = Imports.importAndWait(admin, "awkward.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());

        // 乙 repeats 甲's phone and is skipped; 丙's phone was never imported, so 丙 is.
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("imported").asInt()).isEqualTo(3);
        assertThat(done.get("duplicates").asInt()).isEqualTo(1);
        assertThat(done.get("rejected").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/customers?q=" + p2).json().get("items").get(0).get("name").asString())
                .isEqualTo("丙");
        assertThat(admin.get("/api/v1/customers?q=" + spaced).json().get("items")).hasSize(1);
    }

    @Test
    void aPhoneTypedIntoExcelAsANumberKeepsItsDigits() throws IOException {
        String phone = CustomerApiTest.uniquePhone();
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(xlsx, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("客户");
        sheet.value(0, 0, "姓名");
        sheet.value(0, 1, "手机");
        sheet.value(1, 0, "数字手机");
        sheet.value(1, 1, Long.parseLong(phone));
        workbook.finish();

        JsonNode done = Imports.importAndWait(admin, "numbers.xlsx", xlsx.toByteArray(), Map.of());

        assertThat(done.get("imported").asInt()).as(done.toString()).isEqualTo(1);
        long id = admin.get("/api/v1/customers?q=" + phone).json().get("items").get(0).get("id").asLong();
        assertThat(admin.get("/api/v1/customers/" + id + "?reveal=true").json().get("phones").get(0).asString())
                .isEqualTo(phone);
    }

    @Test
    void aBrokenCsvIsRefusedAtUpload() {
        ApiClient.Response answer = admin.upload("/api/v1/customers/imports", "broken.csv",
                "姓名,手机\n\"没有结束的引号,13800000000\n".getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("file");
    }
}
