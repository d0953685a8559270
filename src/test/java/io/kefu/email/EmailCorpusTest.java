package io.kefu.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The corpus of real-world-shaped mail ({@code src/test/resources/mail/corpus}), each message put into a real IMAP
 * mailbox (GreenMail) and polled, ends in the state {@code expectations.csv} names, as staff see it through the API:
 * the ticket's subject, the customer's text and the quoted history folded away from it, its attachments, the
 * thread it joined; automatic mail, bounces and loops logged without a ticket; a broken message kept and flagged.
 */
@KefuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailCorpusTest {

    private static final String CORPUS = "/mail/corpus/";
    private static final String ADDRESS = "support@kefu-mail.test";
    private static final Pattern TICKET_PLACEHOLDER = Pattern.compile("\\{\\{ticket:([^}]+)}}");

    @LocalServerPort
    int port;

    GreenMailServer imap;
    ApiClient admin;
    long mailboxId;
    /** The ticket each delivered file landed on. */
    final Map<String, Long> tickets = new HashMap<>();
    long lastLogId;

    @BeforeAll
    void startMailbox() {
        imap = GreenMailServer.imap(ADDRESS);
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        ApiClient.Response created = admin.post("/api/v1/mailboxes", imap.mailboxJson("语料测试", 10));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        mailboxId = created.json().get("id").asLong();
    }

    @AfterAll
    void stopMailbox() {
        imap.close();
    }

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = EmailCorpusTest.class.getResourceAsStream(CORPUS + "expectations.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank()).skip(1).toList();
            for (String line : lines) {
                String[] cells = line.split(",", -1);
                rows.add(Arguments.of((Object[]) cells));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("corpus")
    void eachMessageEndsInItsExpectedState(String file, String outcome, String subject, String text, String files,
                                           String quoted) throws IOException {
        imap.deliver(withTicketNumbers(read(file)));
        assertThat(admin.post("/api/v1/mailboxes/" + mailboxId + "/poll", "{}").status()).isEqualTo(200);

        if (outcome.startsWith("DUPLICATE:")) {
            // Polled again (and again by the scheduler): the same Message-ID is never stored twice.
            assertThat(admin.post("/api/v1/mailboxes/" + mailboxId + "/poll", "{}").json().get("newMessages").asInt())
                    .isZero();
            assertThat(newestId()).isEqualTo(lastLogId);
            assertThat(admin.get("/api/v1/mailboxes/" + mailboxId + "/messages?limit=200").json().findValuesAsString(
                    "messageKey")).containsOnlyOnce("<c01.1717380000@example.cn>");
            return;
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> newestId() > lastLogId);
        JsonNode entry = newest();
        lastLogId = entry.get("id").asLong();
        String kind = entry.get("kind").asString();
        JsonNode ticketId = entry.get("ticketId");

        switch (outcome.split(":")[0]) {
            case "NEW" -> {
                assertThat(kind).isEqualTo("TICKET");
                assertThat(tickets.values()).doesNotContain(ticketId.asLong());
                JsonNode ticket = admin.get("/api/v1/tickets/" + ticketId.asLong()).json();
                assertThat(ticket.get("subject").asString()).isEqualTo(subject);
                assertThat(ticket.get("channel").asString()).isEqualTo("EMAIL");
                assertCustomerMessage(ticketId.asLong(), text, files, quoted);
                tickets.put(file, ticketId.asLong());
            }
            case "THREAD" -> {
                assertThat(kind).isEqualTo("TICKET");
                long thread = tickets.get(outcome.substring("THREAD:".length()));
                assertThat(ticketId.asLong()).isEqualTo(thread);
                assertCustomerMessage(thread, text, files, quoted);
            }
            case "AUTO_REPLY", "BOUNCE", "LOOP" -> {
                assertThat(kind).isEqualTo(outcome);
                assertThat(ticketId.isNull() || tickets.containsValue(ticketId.asLong()))
                        .as("never opens a ticket").isTrue();
            }
            case "FAILED" -> {
                assertThat(kind).isEqualTo("FAILED");
                assertThat(entry.get("error").asString()).isNotBlank();
                String raw = new String(admin.download("/api/v1/mailboxes/" + mailboxId + "/messages/" + lastLogId
                        + "/raw"), StandardCharsets.UTF_8);
                assertThat(raw).contains("This body has no boundary line at all");
            }
            default -> throw new IllegalArgumentException(outcome);
        }
    }

    /** The newest message of the ticket is the customer's, with her text, quoted history and files. */
    private void assertCustomerMessage(long ticketId, String text, String files, String quoted) {
        JsonNode articles = admin.get("/api/v1/tickets/" + ticketId + "/articles").json();
        JsonNode article = articles.get(articles.size() - 1);
        assertThat(article.get("kind").asString()).isEqualTo("CUSTOMER_MESSAGE");
        assertThat(article.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(article.get("body").asString()).contains(text);
        if (quoted.isEmpty()) {
            assertThat(article.get("quoted").isNull()).as("nothing quoted in %s", article).isTrue();
        } else {
            assertThat(article.get("body").asString()).doesNotContain(quoted);
            assertThat(article.get("quoted").asString()).contains(quoted);
        }
        if (!files.isEmpty()) {
            JsonNode attachments = admin.get("/api/v1/tickets/" + ticketId + "/attachments").json();
            assertThat(attachments.findValuesAsString("fileName")).contains(files.split("\\|"));
        }
    }

    private JsonNode newest() {
        return admin.get("/api/v1/mailboxes/" + mailboxId + "/messages?limit=1").json().get(0);
    }

    private long newestId() {
        JsonNode log = admin.get("/api/v1/mailboxes/" + mailboxId + "/messages?limit=1").json();
        return log.isEmpty() ? 0 : log.get(0).get("id").asLong();
    }

    private byte[] withTicketNumbers(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        Matcher placeholder = TICKET_PLACEHOLDER.matcher(text);
        return placeholder.replaceAll(match -> Long.toString(tickets.get(match.group(1))))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] read(String file) throws IOException {
        try (InputStream in = EmailCorpusTest.class.getResourceAsStream(CORPUS + file)) {
            return in.readAllBytes();
        }
    }
}
