package io.kefu.ticket;

import java.util.List;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Dispatch (派单) to a skill group: who gets it, the receiver's answer, bulk assignment. */
@KefuTest
class TicketDispatchTest {

    @LocalServerPort
    int port;

    ApiClient admin;
    ApiClient supervisor;
    ApiClient agent;
    long supervisorId;
    long agentId;
    long complaintsGroup;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        supervisorId = Lookups.staffId(admin, TestAccounts.SUPERVISOR);
        agentId = Lookups.staffId(admin, "zhaolei");
        supervisor = new ApiClient(port, Lookups.tokenFor(admin, supervisorId));
        agent = new ApiClient(port, Lookups.tokenFor(admin, agentId));
        for (JsonNode group : admin.get("/api/v1/skill-groups").json()) {
            if (group.get("name").asString().equals("投诉处理组")) {
                complaintsGroup = group.get("id").asLong();
            }
        }
    }

    @AfterEach
    void everyoneBackOnShift() {
        agent.put("/api/v1/me/shift", "{\"onShift\": true}");
        supervisor.put("/api/v1/me/shift", "{\"onShift\": true}");
    }

    @Test
    void roundRobinTakesTurnsAndPassesOverWhoeverIsOffShift() {
        admin.put("/api/v1/skill-groups/" + complaintsGroup + "/routing", "{\"strategy\": \"ROUND_ROBIN\"}");
        long first = dispatchedTo(Tickets.open(admin, "COMPLAINT"));
        long second = dispatchedTo(Tickets.open(admin, "COMPLAINT"));
        assertThat(first).isNotEqualTo(second);
        assertThat(List.of(first, second)).containsExactlyInAnyOrder(supervisorId, agentId);

        assertThat(agent.put("/api/v1/me/shift", "{\"onShift\": false}").json().get("onShift").asBoolean()).isFalse();
        assertThat(dispatchedTo(Tickets.open(admin, "COMPLAINT"))).isEqualTo(supervisorId);
        assertThat(dispatchedTo(Tickets.open(admin, "COMPLAINT"))).isEqualTo(supervisorId);
    }

    @Test
    void leastOpenWorkGoesToWhoeverHasTheFewestOpenTickets() {
        admin.put("/api/v1/skill-groups/" + complaintsGroup + "/routing", "{\"strategy\": \"LEAST_OPEN\"}");
        long busy = dispatchedTo(Tickets.open(admin, "COMPLAINT"));
        long idle = busy == agentId ? supervisorId : agentId;

        while (openTicketsOf(busy) <= openTicketsOf(idle)) {
            admin.post("/api/v1/tickets/" + Tickets.open(admin, "COMPLAINT") + "/assign",
                    "{\"assigneeId\": " + busy + "}");
        }
        assertThat(dispatchedTo(Tickets.open(admin, "COMPLAINT"))).isEqualTo(idle);
    }

    @Test
    void aReturnedDispatchGoesBackWhereItWasWithTheReasonAndOnlyTheReceiverMayAnswer() {
        admin.put("/api/v1/skill-groups/" + complaintsGroup + "/routing", "{\"strategy\": \"ROUND_ROBIN\"}");
        ApiClient techie = new ApiClient(port, Lookups.tokenFor(admin,
                Lookups.staffId(admin, TestAccounts.TECHNICAL_SUPPORT)));
        long id = Tickets.open(admin, "COMPLAINT");
        Tickets.act(admin, id, "START");
        long handler = dispatchedTo(id);
        ApiClient receiver = handler == agentId ? agent : supervisor;

        assertThat(techie.post("/api/v1/tickets/" + id + "/dispatch/return", "{\"reason\": \"不归我管\"}").status())
                .isEqualTo(403);
        assertThat(receiver.post("/api/v1/tickets/" + id + "/dispatch/return", "{\"reason\": \"\"}").status())
                .isEqualTo(400);
        JsonNode back = receiver.post("/api/v1/tickets/" + id + "/dispatch/return",
                "{\"reason\": \"应由技术部处理\"}").json();

        long adminId = Lookups.staffId(admin, TestAccounts.ADMIN);
        assertThat(back.get("ownerId").asLong()).isEqualTo(adminId);
        assertThat(back.get("assigneeId").asLong()).isEqualTo(adminId);
        assertThat(back.get("skillGroupId").isNull()).isTrue();
        JsonNode dispatches = admin.get("/api/v1/tickets/" + id + "/dispatches").json();
        assertThat(dispatches.get(0).get("state").asString()).isEqualTo("RETURNED");
        assertThat(dispatches.get(0).get("reason").asString()).isEqualTo("应由技术部处理");
    }

    @Test
    void bulkAssignGivesEveryTickedTicketToOnePersonOrNoneAtAll() {
        long a = Tickets.open(admin, "REPAIR");
        long b = Tickets.open(admin, "REPAIR");
        JsonNode done = admin.post("/api/v1/tickets/bulk-assign",
                "{\"ticketIds\": [" + a + ", " + b + "], \"assigneeId\": " + agentId + "}").json();
        assertThat(done.get("assigned").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/v1/tickets/" + a).json().get("assigneeId").asLong()).isEqualTo(agentId);

        long c = Tickets.open(admin, "REPAIR");
        ApiClient.Response refused = admin.post("/api/v1/tickets/bulk-assign",
                "{\"ticketIds\": [" + c + ", 999999999], \"assigneeId\": " + supervisorId + "}");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/tickets/" + c).json().get("assigneeId").isNull()).isTrue();
    }

    private int openTicketsOf(long staffId) {
        ApiClient as = staffId == agentId ? agent : supervisor;
        return as.get("/api/v1/tickets?queue=MINE&limit=200").json().get("items").size();
    }

    private long dispatchedTo(long ticketId) {
        JsonNode ticket = admin.post("/api/v1/tickets/" + ticketId + "/dispatch",
                "{\"skillGroupId\": " + complaintsGroup + "}").json();
        return ticket.get("assigneeId").asLong();
    }
}
