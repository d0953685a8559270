package io.kefu.customer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing customers from spreadsheets and exporting them again, through the REST API. */
@KefuTest
class CustomerImportTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
    }

    @Test
    void goodRowsAreImportedBadRowsReportedAndAReimportAddsNobody() {
        String p1 = CustomerApiTest.uniquePhone();
        String p2 = CustomerApiTest.uniquePhone();
        String csv = "\uFEFF姓名,手机号,邮箱,等级,标签,生命周期,生日\n"
                + "导入甲," + p1 + ",jia" + p1 + "@example.cn,金卡,VIP;宽带,EXPLORATION,1988-02-03\n"
                + "导入乙," + p2 + ",,普通,,,\n"
                + "导入丙,12,,,,,\n"
                + ",13700000000,,,,,\n"
                + "导入丁,,,,,,\n"
                + "导入甲（重复行）," + p1 + ",,,,,\n";

        JsonNode done = Imports.importAndWait(admin, "customers.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("imported").asInt()).isEqualTo(2);
        assertThat(done.get("rejected").asInt()).isEqualTo(3);
        assertThat(done.get("duplicates").asInt()).isEqualTo(1);
        JsonNode found = admin.get("/api/v1/customers?q=" + p1).json().get("items");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("tier").asString()).isEqualTo("金卡");
        assertThat(found.get(0).get("tags").toString()).contains("VIP", "宽带");
        assertThat(found.get(0).get("lifecycleStage").asString()).isEqualTo("EXPLORATION");
        assertThat(found.get(0).get("birthday").asString()).isEqualTo("1988-02-03");
        String report = admin.get("/api/v1/customers/imports/" + done.get("id").asString() + "/report").body();
        assertThat(report).contains("不是有效的电话号码", "缺少客户名称", "没有电话、邮箱", "与文件中前面的行重复");

        String supervisorToken = admin.post("/api/v1/tokens", "{\"name\": \"t\", \"staffId\": "
                + Lookups.staffId(admin, TestAccounts.SUPERVISOR) + "}").json().get("secret").asString();
        ApiClient supervisor = new ApiClient(port, supervisorToken);
        assertThat(supervisor.get("/api/v1/customers/imports/" + done.get("id").asString() + "/report").status())
                .as("the report holds personal data: only who imported sees it").isEqualTo(404);

        JsonNode again = Imports.importAndWait(admin, "customers.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(3);
        assertThat(admin.get("/api/v1/customers?q=" + p2).json().get("items")).hasSize(1);
    }

    @Test
    void aFileOfManyChunksIsWrittenSideBySideAndARowRepeatingAnEarlierChunkIsADuplicate() {
        List<String> phones = phones(4_500);
        StringBuilder csv = new StringBuilder("姓名,手机号\n");
        for (int i = 0; i < phones.size(); i++) {
            csv.append("分块").append(i).append(',').append(phones.get(i)).append('\n');
        }
        csv.append("分块重复,").append(phones.get(10)).append('\n');

        JsonNode done = Imports.importAndWait(admin, "many.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                Map.of());

        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("imported").asInt()).isEqualTo(4_500);
        assertThat(done.get("duplicates").asInt()).isEqualTo(1);
        for (int i : new int[] {0, 2_222, 4_499}) {
            assertThat(admin.get("/api/v1/customers?q=" + phones.get(i)).json().get("items")).hasSize(1);
        }
        String report = admin.get("/api/v1/customers/imports/" + done.get("id").asString() + "/report").body();
        assertThat(report).contains("4502,duplicate", "与文件中前面的行重复");
        assertThat(jdbc.sql("SELECT status FROM customer_import WHERE id = ?::uuid")
                .param(done.get("id").asString()).query(String.class).single()).isEqualTo("DONE");
    }

    @Test
    void largeImportsStartedTogetherAllFinish() {
        // six imports of seven chunks each, run all at once, would hold more threads (waiting on one another) than
        // the application's shared pool of eight has, and more connections than its pool of ten
        int rows = 12_000;
        List<String> phones = phones("167", 6 * rows);
        List<CompletableFuture<String>> started = new ArrayList<>();
        for (int file = 0; file < 6; file++) {
            StringBuilder csv = new StringBuilder("姓名,手机号\n");
            for (String phone : phones.subList(file * rows, (file + 1) * rows)) {
                csv.append("同时导入,").append(phone).append('\n');
            }
            byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
            started.add(CompletableFuture.supplyAsync(() -> Imports.start(admin, "together.csv", content, Map.of())));
        }

        List<String> ids = started.stream().map(CompletableFuture::join).toList();
        // at most two run at once: the others are seen waiting their turn, and start on their own
        boolean seenQueued = false;
        for (int poll = 0; poll < 600 && !seenQueued; poll++) {
            seenQueued = ids.stream().anyMatch(id -> "QUEUED".equals(
                    admin.get("/api/v1/customers/imports/" + id).json().get("status").asString()));
        }
        assertThat(seenQueued).as("an import waiting its turn shows as QUEUED").isTrue();
        for (String id : ids) {
            JsonNode done = Imports.awaitEnd(admin, id);
            assertThat(done.get("status").asString()).isEqualTo("DONE");
            assertThat(done.get("imported").asInt()).isEqualTo(rows);
        }
    }

    @Test
    void aRowTheDatabaseRefusesLateInTheFileLeavesNothingOfTheImport() {
        List<String> phones = phones(4_500);
        StringBuilder csv = new StringBuilder("姓名,手机号\n");
        for (int i = 0; i < phones.size(); i++) {
            csv.append(i == 4_300 ? "拒收" : "全或无" + i).append(',').append(phones.get(i)).append('\n');
        }
        // a rule the rows cannot know of, met only by the last chunk: its writer fails after the others wrote
        jdbc.sql("ALTER TABLE customer ADD CONSTRAINT test_refuses_a_name CHECK (name <> '拒收') NOT VALID").update();
        JsonNode failed;
        try {
            failed = Imports.importAndWait(admin, "refused.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                    Map.of());
        } finally {
            jdbc.sql("ALTER TABLE customer DROP CONSTRAINT test_refuses_a_name").update();
        }

        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("imported").asInt()).isZero();
        for (int i : new int[] {0, 2_222, 4_499}) {
            assertThat(admin.get("/api/v1/customers?q=" + phones.get(i)).json().get("items")).isEmpty();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM pg_prepared_xacts WHERE gid LIKE ?")
                .param("kefu-import:" + failed.get("id").asString() + "%").query(Integer.class).single()).isZero();
    }

    private static List<String> phones(int count) {
        return phones("166", count);
    }

    /** Mobile numbers no other test uses: a prefix of their own, then a block drawn at random. */
    private static List<String> phones(String prefix, int count) {
        long block = ThreadLocalRandom.current().nextLong(100_000_000 - count);
        return LongStream.range(0, count).mapToObj(i -> prefix + String.format("%08d", block + i)).toList();
    }

    @Test
    void everyKindOfValueArrivesAsWritten() {
        admin.post("/api/v1/customer-fields", "{\"key\": \"importedPlan\", \"label\": \"导入套餐\", \"type\": \"TEXT\"}");
        String phone = CustomerApiTest.uniquePhone();
        String csv = "姓名,手机号,邮箱,等级,标签,地区,生日,导入套餐\n"
                + "\"值\"\"引号\"\"，逗号\",\"" + phone + "\",Mixed.Case" + phone + "@Example.CN,白金,"
                + "\"带\\反斜杠;带\"\"引号\"\"\",上海,2000-01-01,\"千兆 {\"\"年付\"\"}\"\n";

        JsonNode done = Imports.importAndWait(admin, "values.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(done.get("imported").asInt()).as(done.toString()).isEqualTo(1);
        JsonNode found = admin.get("/api/v1/customers?q=" + phone).json().get("items").get(0);
        JsonNode customer = admin.get("/api/v1/customers/" + found.get("id").asLong()).json();
        assertThat(customer.get("name").asString()).isEqualTo("值\"引号\"，逗号");
        assertThat(customer.get("tier").asString()).isEqualTo("白金");
        assertThat(customer.get("region").asString()).isEqualTo("上海");
        assertThat(customer.get("birthday").asString()).isEqualTo("2000-01-01");
        assertThat(customer.get("tags").get(0).asString()).isEqualTo("带\\反斜杠");
        assertThat(customer.get("tags").get(1).asString()).isEqualTo("带\"引号\"");
        assertThat(customer.get("attributes").get("importedPlan").asString()).isEqualTo("千兆 {\"年付\"}");
        assertThat(customer.get("consentSms").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/customers?q=%E5%BC%95%E5%8F%B7").json().get("items").toString())
                .as("found by a fragment of its name").contains(found.get("id").toString());
    }

    @Test
    void aGbkFileFromChineseExcelIsReadCorrectly() {
        String phone = CustomerApiTest.uniquePhone();
        String csv = "客户名称,联系电话\n广州市白云区某某物业管理有限公司," + phone + "\n";

        JsonNode done = Imports.importAndWait(admin, "gbk.csv", csv.getBytes(Charset.forName("GBK")), Map.of());

        assertThat(done.get("imported").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/customers?q=" + phone).json().get("items").get(0).get("name").asString())
                .isEqualTo("广州市白云区某某物业管理有限公司");
    }

    @Test
    void anXlsxFileWithAnExplicitMappingAndAnOwner() throws IOException {
        String phone = CustomerApiTest.uniquePhone();
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(xlsx, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("客户");
        List<List<String>> rows = List.of(List.of("A", "B", "C", "D"),
                List.of("表格客户", phone, "ignored", TestAccounts.CUSTOMER_MANAGER));
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                sheet.value(r, c, rows.get(r).get(c));
            }
        }
        workbook.finish();

        JsonNode done = Imports.importAndWait(admin,
                "customers.xlsx", xlsx.toByteArray(), Map.of("mapping", "NAME,PHONE,,OWNER"));

        assertThat(done.get("imported").asInt()).as(done.toString()).isEqualTo(1);
        JsonNode customer = admin.get("/api/v1/customers?q=" + phone).json().get("items").get(0);
        assertThat(customer.get("ownerId").asLong())
                .isEqualTo(Lookups.staffId(admin, TestAccounts.CUSTOMER_MANAGER));
    }

    @Test
    void aFileThatIsNotASpreadsheetIsRefused() {
        ApiClient.Response answer = admin.upload("/api/v1/customers/imports", "photo.png", new byte[] {1, 2, 3},
                Map.of());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("file");
        ApiClient.Response noName = admin.upload("/api/v1/customers/imports", "x.csv",
                "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("field").asString()).isEqualTo("mapping");
    }

    @Test
    void exportGivesTheSearchAsXlsxThatImportsBackAndIsAudited() throws IOException {
        String phone = CustomerApiTest.uniquePhone();
        admin.post("/api/v1/customers", "{\"name\": \"导出客户\", \"phones\": [\"" + phone + "\"], \"tier\": \"钻石\"}");

        byte[] xlsx = admin.download("/api/v1/customers/export?format=xlsx&q=" + phone);

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getCell(0).getText()).isEqualTo("客户名称");
            assertThat(rows.get(1).getCell(0).getText()).isEqualTo("导出客户");
            assertThat(rows.get(1).getCell(2).getText()).isEqualTo(phone);
        }
        assertThat(admin.get("/api/v1/audit?action=customer.exported&limit=1").json().get(0).get("details")
                .asString()).contains("1 customers", "XLSX", "unmasked");

        JsonNode reimport = Imports.importAndWait(admin, "export.xlsx", xlsx, Map.of());
        assertThat(reimport.get("duplicates").asInt()).isEqualTo(1);
        assertThat(reimport.get("imported").asInt()).isZero();
    }

    @Test
    void anAgentMayNotExport() {
        long agentId = Lookups.staffId(admin, TestAccounts.AGENT);
        String agentToken = admin.post("/api/v1/tokens", "{\"name\": \"t\", \"staffId\": " + agentId + "}").json()
                .get("secret").asString();

        assertThat(new ApiClient(port, agentToken).get("/api/v1/customers/export").status()).isEqualTo(403);
    }
}
