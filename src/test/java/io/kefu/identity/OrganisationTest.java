package io.kefu.identity;

import java.util.Map;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The department tree and skill groups: what may be built, and what is refused. */
@KefuTest
class OrganisationTest {

    @LocalServerPort
    int port;

    ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
    }

    @Test
    void subDepartmentsNestUnderTheirParent() {
        long parent = createDepartment(StaffApiTest.unique("华东大区"), null);
        long child = createDepartment("上海分部", parent);

        JsonNode node = findInTree(admin.get("/api/v1/departments").json(), parent);

        assertThat(node.get("children").get(0).get("id").asLong()).isEqualTo(child);
        assertThat(node.get("children").get(0).get("depth").asInt()).isEqualTo(1);
    }

    @Test
    void aDepartmentCannotMoveUnderItsOwnDescendant() {
        long parent = createDepartment(StaffApiTest.unique("华南大区"), null);
        long child = createDepartment("广州分部", parent);

        ApiClient.Response answer = admin.patch("/api/v1/departments/" + parent,
                "{\"name\": \"华南大区\", \"parentId\": " + child + "}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("field").asString()).isEqualTo("parentId");
    }

    @Test
    void twoSiblingsCannotShareAName() {
        long parent = createDepartment(StaffApiTest.unique("西北大区"), null);
        createDepartment("西安分部", parent);

        ApiClient.Response answer = admin.post("/api/v1/departments",
                "{\"name\": \"西安分部\", \"parentId\": " + parent + "}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("detail").asString()).contains("西安分部");
    }

    @Test
    void aDepartmentInUseCannotBeDeletedButAnEmptyOneCan() {
        long parent = createDepartment(StaffApiTest.unique("东北大区"), null);
        long child = createDepartment("沈阳分部", parent);

        assertThat(admin.delete("/api/v1/departments/" + parent).status()).isEqualTo(409);
        assertThat(admin.delete("/api/v1/departments/" + child).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/departments/" + parent).status()).isEqualTo(204);
    }

    @Test
    void aSupervisorSetsTheMembersOfASkillGroup() {
        long liming = Lookups.staffId(admin, TestAccounts.AGENT);
        long zhaolei = Lookups.staffId(admin, "zhaolei");
        String supervisorToken = Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.SUPERVISOR));
        ApiClient supervisor = new ApiClient(port, supervisorToken);

        JsonNode group = supervisor.post("/api/v1/skill-groups", """
                {"name": "%s", "description": "5G 套餐咨询", "memberIds": [%d]}"""
                .formatted(StaffApiTest.unique("5G组"), liming)).json();
        JsonNode updated = supervisor.put("/api/v1/skill-groups/" + group.get("id").asLong(), """
                {"name": "%s", "memberIds": [%d, %d]}""".formatted(group.get("name").asString(), liming, zhaolei))
                .json();

        assertThat(updated.get("memberIds").toString()).contains(String.valueOf(liming), String.valueOf(zhaolei));
        assertThat(supervisor.post("/api/v1/departments", "{\"name\": \"越权部门\"}").status()).isEqualTo(403);
    }

    @Test
    void theDepartmentScreenShowsWhyADeletionWasRefused() {
        WebSession session = new WebSession(port);
        session.signIn(TestAccounts.ADMIN, TestAccounts.PASSWORD);
        long service = findByName(admin.get("/api/v1/departments").json(), "客服部");
        session.get("/admin/departments");

        WebSession.Page answer = session.post("/admin/departments/" + service + "/delete", Map.of());

        assertThat(session.get(answer.location()).body()).contains("部门“客服部”下还有下级部门、员工或技能组，不能删除。");
    }

    private long createDepartment(String name, Long parentId) {
        ApiClient.Response answer = admin.post("/api/v1/departments",
                "{\"name\": \"%s\", \"parentId\": %s}".formatted(name, parentId));
        assertThat(answer.status()).isEqualTo(201);
        return answer.json().get("id").asLong();
    }

    private static JsonNode findInTree(JsonNode nodes, long id) {
        for (JsonNode node : nodes) {
            if (node.get("id").asLong() == id) {
                return node;
            }
            JsonNode found = findInTree(node.get("children"), id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static long findByName(JsonNode nodes, String name) {
        for (JsonNode node : nodes) {
            if (node.get("name").asString().equals(name)) {
                return node.get("id").asLong();
            }
        }
        throw new IllegalStateException("no department " + name);
    }
}
