package io.kefu.chat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.kefu.KefuTest;
import io.kefu.SystemChromium;
import io.kefu.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Live chat in the system Chromium with two pages side by side: a visitor on the demo site talks to the bot in the
 * widget and asks for a person; an agent in the chat workspace takes her chat from the queue; they exchange
 * messages and files; the agent ends the chat and the visitor rates it. A supervisor watches it on the monitor,
 * and an administrator changes the chat settings, with a wrong value shown under its field.
 */
@KefuTest
class ChatBrowserTest {

    /** A 1×1 PNG: the visitor's photo of her problem. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static SystemChromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    private ChatFixtures chat;
    private BrowserContext visitorContext;
    private BrowserContext agentContext;

    @BeforeAll
    static void launchBrowser() {
        chromium = SystemChromium.launch(ChatBrowserTest.class);
        browser = chromium.browser();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void openContexts() {
        chat = new ChatFixtures(port);
        chat.settings("{}");
        Browser.NewContextOptions options = new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
                .setLocale("zh-CN");
        visitorContext = browser.newContext(options);
        agentContext = browser.newContext(options);
    }

    @AfterEach
    void closeContexts() {
        visitorContext.close();
        agentContext.close();
    }

    @Test
    void aVisitorTalksToTheBotAsksForAPersonAnAgentTakesHerChatTheyExchangeFilesAndSheRatesIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Page agent = signIn(agentContext, TestAccounts.AGENT);
        agent.navigate("/chat/workspace");
        assertThat(agent.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("在线客服工作台"))).isVisible();
        assertThat(agent.locator("#connection")).hasText("已连接，消息实时送达");
        agent.locator("label[for=presence-ONLINE]").click();
        assertThat(agent.locator("#presence-ONLINE")).isChecked();

        // The visitor opens the widget on the company's site and asks the bot first.
        Page visitor = visitorContext.newPage();
        visitor.navigate("/chat/demo");
        visitor.locator(".k-launch").click();
        Locator widget = visitor.locator(".k-panel");
        assertThat(widget.getByText("您好，欢迎咨询！")).isVisible();
        Locator input = widget.locator(".k-bar input[type=text]");
        input.fill("宽带一直断网怎么办" + suffix);
        input.press("Enter");
        assertThat(widget.locator(".k-msg.k-VISITOR").last()).containsText("宽带一直断网怎么办" + suffix);
        assertThat(widget.locator(".k-msg.k-BOT").first()).isVisible();

        input.fill("转人工");
        input.press("Enter");
        assertThat(widget.locator(".k-queue")).containsText("您前面排在第");
        long chatId = newestQueuedChat();

        // Her chat waits in the agent's queue with its waiting time, and the agent takes it.
        Locator queued = agent.locator("#queued-" + chatId);
        assertThat(queued).isVisible();
        assertThat(queued.locator(".chat-waited")).containsText("已等待");
        agent.locator("#take-" + chatId).click();
        Locator pane = agent.locator("#chat-" + chatId);
        assertThat(pane).isVisible();
        assertThat(pane.locator(".chat-state")).hasText("进行中");
        // the tab strip, hidden while it has no tab, shows the chat's tab
        assertThat(agent.locator("#chatTabs")).isVisible();
        assertThat(agent.locator("#queued-" + chatId)).hasCount(0);
        Locator agentMessages = pane.locator(".chat-messages");
        assertThat(agentMessages.locator(".chat-message-VISITOR").first()).containsText("宽带一直断网怎么办" + suffix);
        assertThat(pane.locator(".chat-trail")).containsText(visitor.title());
        assertThat(widget.locator(".k-queue")).hasCount(0);

        // They talk, each seeing the other's words as they are sent.
        input.fill("我的宽带账号是 KD" + suffix + "，从昨晚开始断网");
        input.press("Enter");
        assertThat(agentMessages.locator(".chat-message-VISITOR").last()).containsText("KD" + suffix);
        Locator composer = pane.locator(".chat-text");
        composer.fill("您好，我来帮您查一下账号 KD" + suffix + " 的线路状态。");
        composer.press("Enter");
        assertThat(widget.locator(".k-msg.k-AGENT").last()).containsText("线路状态");
        assertThat(agentMessages.locator(".chat-message-AGENT").last()).containsText("线路状态");

        // Files both ways: her photo shows as an image to the agent, his checklist as a link to her.
        widget.locator(".k-bar input[type=file]").setInputFiles(new FilePayload("guangmao.png", "image/png", PNG));
        Locator photo = agentMessages.locator(".chat-message-VISITOR img[alt='guangmao.png']");
        assertThat(photo).isVisible();
        assertThat(widget.locator(".k-msg.k-VISITOR img[alt='guangmao.png']")).isVisible();
        pane.locator(".chat-file").setInputFiles(new FilePayload("checklist.txt", "text/plain",
                "1. 重启光猫\n2. 检查光纤\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(widget.locator(".k-msg.k-AGENT a").getByText("checklist.txt")).isVisible();
        assertThat(agentMessages.locator(".chat-file")).containsText("checklist.txt");

        // The agent ends the chat; the visitor is asked for a rating and gives five stars.
        agent.onceDialog(dialog -> dialog.accept());
        pane.locator(".chat-end").click();
        assertThat(pane.locator(".chat-state")).hasText("已结束");
        assertThat(pane.locator(".chat-text")).isDisabled();
        assertThat(widget.getByText("请为本次服务评分")).isVisible();
        widget.locator(".k-stars button").nth(4).click();
        widget.locator("textarea[name=comment]").fill("处理很快，谢谢");
        widget.getByText("提交评价").click();
        assertThat(widget.getByText("感谢您的评价！")).isVisible();

        JsonNode rated = chat.supervisor.get("/api/v1/chat/chats/" + chatId).json().get("chat");
        assertEquals("ENDED", rated.get("state").asString());
        assertEquals(5, rated.get("rating").asInt());
    }

    @Test
    void anAgentTurnsAChatIntoATicketAndTransfersItToAGroupWithANote() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        ChatFixtures.Visitor visitor = chat.visitor();
        long chatId = visitor.start(null).get("id").asLong();
        visitor.say(chatId, "发票一直没有收到" + suffix);
        assertEquals(200, visitor.post("/chat/api/chats/" + chatId + "/contact",
                "{\"name\": \"王小姐" + suffix + "\", \"phone\": \"139" + (10_000_000 + (int) (Math.random() * 89_999_999))
                        + "\"}").status());
        visitor.as("/chat/api/chats/" + chatId + "/handoff");

        Page agent = signIn(agentContext, TestAccounts.AGENT);
        agent.navigate("/chat/workspace");
        agent.locator("#take-" + chatId).click();
        Locator pane = agent.locator("#chat-" + chatId);
        assertThat(pane.locator(".chat-visitor-name")).hasText("王小姐" + suffix);
        assertThat(pane.locator(".chat-customer-link")).hasAttribute("href", Pattern.compile("/customers/\\d+$"));
        assertThat(pane.locator(".chat-suggestions")).not().hasText("访客提问后，这里会推荐相关的知识文章。");

        pane.locator(".chat-to-ticket").click();
        Locator ticket = pane.locator(".chat-ticket");
        assertThat(ticket).isVisible();
        long ticketId = chat.supervisor.get("/api/v1/chat/chats/" + chatId).json().get("chat").get("ticketId").asLong();
        assertThat(ticket).hasAttribute("href", "/tickets/" + ticketId);
        assertThat(pane.locator(".chat-to-ticket")).isHidden();

        Locator group = agent.locator("#transferGroup option").first();
        String groupName = group.textContent();
        pane.locator(".chat-transfer").click();
        agent.locator("#transferNote").fill("客户要补开发票，请财务组处理" + suffix);
        agent.locator("#transferSubmit").click();
        assertThat(pane).hasCount(0);
        JsonNode transferred = chat.supervisor.get("/api/v1/chat/chats/" + chatId).json();
        assertEquals("QUEUED", transferred.get("chat").get("state").asString());
        assertEquals(groupName, transferred.get("chat").get("skillGroupName").asString());
        assertTrue(transferred.get("messages").toString().contains("请财务组处理" + suffix), "the note is kept for staff");
    }

    @Test
    void aSupervisorWatchesALiveChatAsItHappens() {
        ChatFixtures.Visitor visitor = chat.visitor();
        long chatId = visitor.start(null).get("id").asLong();
        visitor.say(chatId, "我想咨询一下套餐");

        Page supervisor = signIn(agentContext, TestAccounts.SUPERVISOR);
        supervisor.navigate("/chat/monitor");
        Locator row = supervisor.locator("#live-" + chatId);
        assertThat(row).isVisible();
        assertThat(row).containsText("机器人接待");
        supervisor.locator("#watch-" + chatId).click();
        Locator watched = supervisor.locator("#watchMessages");
        assertThat(watched.locator(".chat-message-VISITOR")).containsText("我想咨询一下套餐");

        visitor.say(chatId, "转人工");
        assertThat(row).containsText("排队中");
        assertThat(row.locator(".chat-waited")).hasText(Pattern.compile("^\\d+:\\d{2}$"));
        visitor.say(chatId, "请快一点");
        assertThat(watched.locator(".chat-message-VISITOR").last()).containsText("请快一点");
        assertThat(supervisor.locator("#watchPanel textarea")).hasCount(0);
        visitor.as("/chat/api/chats/" + chatId + "/end");
        assertThat(supervisor.locator("#live-" + chatId)).hasCount(0);
    }

    @Test
    void anAdministratorChangesTheChatSettingsAndIsToldOfAWrongValueUnderItsField() {
        Page admin = signIn(agentContext, TestAccounts.ADMIN);
        admin.locator("#adminMenu").click();
        admin.locator("#mainNav").getByText("在线客服设置").click();
        assertThat(admin).hasURL(Pattern.compile("/admin/chat$"));
        assertThat(admin.locator("#menuItems tbody tr").first().locator("input").nth(1)).hasValue("业务咨询");
        assertThat(admin.locator("#secretMask")).containsText("••••");

        admin.locator("#maxChatsPerAgent").fill("0");
        admin.locator("#saveChatSettings").click();
        assertThat(admin.locator("#maxChatsPerAgent")).hasClass(Pattern.compile("is-invalid"));

        admin.locator("#maxChatsPerAgent").fill("7");
        admin.locator("#welcome").fill("您好，这里是测试欢迎语");
        admin.locator("#saveChatSettings").click();
        assertThat(admin.getByText("已保存")).isVisible();
        assertThat(admin.locator("#maxChatsPerAgent")).hasValue("7");
        JsonNode settings = chat.admin.get("/api/v1/chat/settings").json();
        assertEquals(7, settings.get("maxChatsPerAgent").asInt());
        assertEquals("chat.menu.consult", settings.get("menu").get(0).get("label").asString(),
                "an untouched default label keeps its message key");
    }

    /** The chat the visitor just handed off: the newest waiting chat, as a supervisor's list shows it. */
    private long newestQueuedChat() {
        long newest = 0;
        for (JsonNode c : chat.supervisor.get("/api/v1/chat/chats?scope=all").json()) {
            if ("QUEUED".equals(c.get("state").asString())) {
                newest = Math.max(newest, c.get("id").asLong());
            }
        }
        assertTrue(newest > 0, "no waiting chat");
        return newest;
    }

    private static Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate("/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(TestAccounts.PASSWORD);
        page.locator("#signIn").click();
        assertThat(page).hasURL(Pattern.compile("/$"));
        return page;
    }
}
