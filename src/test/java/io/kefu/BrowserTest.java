package io.kefu;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.kefu.notification.Mailbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Drives the real UI in the system Chromium: an administrator sets up a department and a staff member, switches
 * the language and signs out; an agent is kept out of the administration screens; an administrator finds a
 * customer as she types; a customer writes through the web form, an agent answers, and she reads the answer in the
 * customer portal.
 */
@KefuTest
class BrowserTest {


    private static SystemChromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JavaMailSender mailSender;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launchBrowser() {
        chromium = SystemChromium.launch(BrowserTest.class);
        browser = chromium.browser();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void administratorSetsUpDepartmentAndStaffThenSwitchesLanguageAndSignsOut() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String department = "售后服务部" + suffix;
        String username = "tester" + suffix;
        String displayName = "测试员" + suffix;

        signIn(TestAccounts.ADMIN);
        page.locator("#adminMenu").click();
        assertThat(navLink("员工")).isVisible();

        createDepartment(department, "客服部");
        createStaff(username, displayName, department, "客服专员");
        findStaff(username, displayName);

        switchToEnglish();
        signOut();
    }

    @Test
    void agentSeesNoAdministrationAndIsRefusedStaffScreen() {
        signIn(TestAccounts.AGENT);
        assertThat(navLink("首页")).isVisible();
        assertThat(page.locator("#adminMenu")).hasCount(0);
        assertThat(navLink("员工")).hasCount(0);
        assertThat(navLink("Staff")).hasCount(0);

        Response response = page.navigate("/admin/staff");
        assertEquals(403, response.status());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("无权访问"))).isVisible();
    }

    @Test
    void administratorFindsACustomerAsSheTypesAndOpensHerPage() {
        String name = "浏览器客户" + UUID.randomUUID().toString().substring(0, 6);
        ApiClient.Response created = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN)
                .post("/api/v1/customers", "{\"name\": \"" + name + "\", \"lifecycleStage\": \"STABLE\"}");
        assertEquals(201, created.status());

        signIn(TestAccounts.ADMIN);
        navLink("客户").click();
        assertThat(page).hasURL(Pattern.compile("/customers$"));

        // htmx searches as she types, so the list narrows without a submit.
        Locator rows = page.locator("#customerResults tbody tr");
        page.locator("#customerSearch").pressSequentially(name);
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("稳定期");

        rows.first().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile("/customers/\\d+$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();
        assertThat(page.locator("#timelineEntries")).containsText("建立档案");
    }

    @Test
    void customerManagerImportsASpreadsheetAndWatchesItsProgress(@TempDir Path folder) throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        long number = Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L);
        Path file = folder.resolve("客户.csv");
        Files.writeString(file, "姓名,手机,备注\n"
                + "浏览器导入" + suffix + ",137" + String.format("%08d", number) + ",随便\n"
                + "缺电话" + suffix + ",,\n", StandardCharsets.UTF_8);

        signIn(TestAccounts.CUSTOMER_MANAGER);
        page.navigate("/customers");
        page.locator("#importCustomers").click();
        page.locator("#file").setInputFiles(file);
        page.locator("#importUpload button[type=submit]").click();

        // The headers are recognised: 姓名 → name, 手机 → phone; the unknown column is left out.
        Locator selects = page.locator("#importMapping select[name=target]");
        assertThat(selects.nth(0)).hasValue("NAME");
        assertThat(selects.nth(1)).hasValue("PHONE");
        assertThat(selects.nth(2)).hasValue("");
        page.locator("#startImport").click();

        assertThat(page.locator("#importDone")).isVisible();
        assertThat(page.locator("#importProgress .progress-bar")).hasText("100%");
        assertThat(page.locator("#importReport")).isVisible();
        page.navigate("/customers?q=" + "浏览器导入" + suffix);
        assertThat(page.locator("#customerResults").getByText("浏览器导入" + suffix)).isVisible();
    }

    @Test
    void agentOpensATicketTakesItAnswersWithACannedReplyAndResolvesIt() {
        String subject = "浏览器报修" + UUID.randomUUID().toString().substring(0, 6);
        signIn(TestAccounts.AGENT);
        navLink("工单").click();
        page.locator("#newTicket").click();
        page.locator("#customerName").fill("浏览器客户");
        page.locator("#phone").fill("136" + String.format("%08d", System.nanoTime() % 100_000_000L));
        page.locator("#type").selectOption("REPAIR");
        page.locator("#subject").fill(subject);
        page.locator("#description").fill("宽带从昨天开始断网");
        page.locator("#createTicket").click();

        assertThat(page).hasURL(Pattern.compile("/tickets/\\d+$"));
        assertThat(page.locator("#ticketSubject")).hasText(subject);
        assertThat(page.locator("#ticketActions button")).hasText(new String[] {"开始处理"});
        page.locator("#action-START").click();
        assertThat(page.locator("#ticketActions")).containsText("解决");
        // the page after the action is a new one: its buttons do nothing until htmx (deferred) has set them up
        page.waitForLoadState(LoadState.LOAD);

        // The canned reply is filled in for this customer and ticket, ready to edit, then sent.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("受理确认")).click();
        assertThat(page.locator("#replyBody")).hasValue(Pattern.compile("^浏览器客户您好，您的工单 #\\d+（" + subject));
        page.locator("#sendReply").click();
        assertThat(page.locator("#ticketArticles")).containsText("浏览器客户您好");

        page.locator("#action-RESOLVE").click();
        assertThat(page.locator("#ticketSla")).containsText("已达成");
        navLink("工单").click();
        page.locator("#queue-OWNED").click();
        assertThat(page.locator("#ticketTable")).not().containsText(subject);
        page.navigate("/tickets?queue=ALL&sort=NEWEST");
        assertThat(page.locator("#ticketTable")).containsText(subject);
    }

    @Test
    void aCustomerWritesThroughTheWebFormAnAgentRepliesAndSheReadsItInThePortal() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String email = "web-" + suffix + "@example.com";
        String subject = "网页表单咨询" + suffix;
        try (Mailbox mailbox = Mailbox.startFor(mailSender);
             BrowserContext customer = browser.newContext(new Browser.NewContextOptions()
                     .setBaseURL("http://localhost:" + port)
                     .setExtraHTTPHeaders(Map.of("X-Forwarded-For", "10.20." + Math.floorMod(suffix.hashCode(), 250) + ".7")))) {
            Page form = customer.newPage();
            form.navigate("/portal/form");
            form.locator("#name").fill("网页客户");
            form.locator("#email").fill(email);
            form.locator("#subject").fill(subject);
            form.locator("#description").fill("路由器总是掉线，怎么办？");
            form.waitForTimeout(600);
            form.locator("#webFormSubmit").click();
            String number = form.locator("#webFormTicketNumber").textContent();
            assertTrue(number.matches("#\\d+"), number);

            signIn(TestAccounts.AGENT);
            page.navigate("/tickets/" + number.substring(1));
            assertThat(page.locator("#ticketSubject")).hasText(subject);
            page.locator("#replyBody").fill("请重启路由器后再试，仍有问题请回复。");
            page.locator("#sendReply").click();
            assertThat(page.locator("#ticketArticles")).containsText("请重启路由器");

            // The confirmation mail's link signs her in; her ticket shows the agent's reply.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !mailbox.to(email).isEmpty());
            Matcher link = Pattern.compile("https?://\\S+/portal/link\\?token=[A-Za-z0-9_-]+")
                    .matcher(mailText(mailbox.to(email).get(0)));
            assertTrue(link.find());
            Page portal = customer.newPage();
            portal.navigate(link.group());
            portal.locator("#portalContinue").click();
            assertThat(portal).hasURL(Pattern.compile("/portal$"));
            portal.locator("#portalTickets").getByText(subject).click();
            assertThat(portal.locator("#portalTicketSubject")).hasText(subject);
            assertThat(portal.locator("#portalConversation")).containsText("路由器总是掉线");
            assertThat(portal.locator("#portalConversation")).containsText("请重启路由器后再试");
        }
    }

    @Test
    void anAgentWritesAnArticleFromATicketAReviewerPublishesItAndACustomerFindsItByAParaphrase() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        long ticketId = admin.post("/api/v1/tickets", """
                {"customer": {"name": "锁定客户", "phones": ["135%s"]}, "type": "CONSULTATION",
                 "subject": "宽带拨号提示账号被锁定", "description": "连不上网，拨号时提示用户名已锁定。"}"""
                .formatted(String.format("%08d", System.nanoTime() % 100_000_000L))).json().get("id").asLong();
        admin.post("/api/v1/tickets/" + ticketId + "/replies", "{\"body\": \"连续输错密码后宽带账号会锁定 30 分钟，"
                + "到时自动解锁；着急可在 App 的宽带管理中点击解锁账号。\"}");

        // The agent turns the ticket into an article: question and answer come prefilled.
        signIn(TestAccounts.AGENT);
        page.navigate("/tickets/" + ticketId);
        page.locator("#writeArticle").click();
        assertThat(page.locator("#fromTicket")).isVisible();
        assertThat(page.locator("#articleForm textarea[name=body]")).containsText("锁定 30 分钟");
        String title = "宽带账号被锁定怎么解锁 " + suffix;
        page.locator("#title").fill(title);
        page.locator("#visibility").selectOption("PUBLIC");
        page.locator("#saveArticle").click();
        assertThat(page.locator("#articleTitle")).hasText(title);
        page.locator("#action-SUBMIT").click();
        assertThat(page.locator("#articleState")).hasText("审核中");
        String articleUrl = page.url();

        // A reviewer publishes it.
        try (BrowserContext reviewerContext = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port))) {
            Page reviewer = reviewerContext.newPage();
            reviewer.navigate("/login");
            reviewer.locator("#username").fill(TestAccounts.SUPERVISOR);
            reviewer.locator("#password").fill(TestAccounts.PASSWORD);
            reviewer.locator("#signIn").click();
            reviewer.navigate(articleUrl);
            reviewer.locator("#action-PUBLISH").click();
            assertThat(reviewer.locator("#articleState")).hasText("已发布");
        }

        // A customer finds it in the help centre, asking in her own words, as she types.
        try (BrowserContext customerContext = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port))) {
            Page help = customerContext.newPage();
            help.navigate("/help");
            help.locator("#helpSearch").pressSequentially("上网拨号说我的用户名被锁住了");
            assertThat(help.locator("#helpResults")).containsText(title);
            help.locator("#helpResults").getByText(title).click();
            assertThat(help.locator("body")).containsText("App 的宽带管理");
        }
    }

    private static String mailText(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void signIn(String username) {
        page.navigate("/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(TestAccounts.PASSWORD);
        page.locator("#signIn").click();
        assertThat(page).hasURL(Pattern.compile("/$"));
        // Menus open through Bootstrap's script: a click before the page has loaded it opens nothing (seen on a
        // loaded CI machine).
        page.waitForLoadState(LoadState.LOAD);
    }

    private void createDepartment(String name, String parent) {
        page.navigate("/admin/departments");
        Locator form = page.locator("#newDepartment");
        form.locator("#name").fill(name);
        Locator parentSelect = form.locator("#parentId");
        parentSelect.selectOption(optionValue(parentSelect, parent));
        form.locator("button[type=submit]").click();
        assertThat(page.locator("#departmentTree .department-name").getByText(name, exact())).isVisible();
    }

    private void createStaff(String username, String displayName, String department, String role) {
        page.navigate("/admin/staff");
        page.locator("#newStaff").click();
        page.locator("#username").fill(username);
        page.locator("#displayName").fill(displayName);
        page.locator("#email").fill(username + "@example.com");
        Locator departmentSelect = page.locator("#departmentId");
        departmentSelect.selectOption(optionValue(departmentSelect, department));
        page.getByLabel(role, new Page.GetByLabelOptions().setExact(true)).check();
        page.locator("#saveStaff").click();

        // Left blank, the password is generated and shown this once.
        assertThat(page.locator("#newPasswordNotice")).isVisible();
        assertThat(page.locator("#newPassword")).hasText(Pattern.compile("\\S+"));
    }

    private void findStaff(String username, String displayName) {
        page.navigate("/admin/staff");
        Locator rows = page.locator("#staffResults tbody tr");
        assertThat(rows.getByText(displayName, exact())).isVisible();

        // htmx searches as you type, so the list narrows without a submit.
        page.locator("input[name=q]").fill(username.substring(2));
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText(displayName);
        assertThat(rows.first()).containsText(username);
    }

    private void switchToEnglish() {
        page.locator("#languageMenu").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English").setExact(true)).click();
        page.locator("#adminMenu").click();
        assertThat(navLink("Staff")).isVisible();

        page.navigate("/admin/roles");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Roles & permissions")))
                .isVisible();
    }

    private void signOut() {
        page.locator("#userMenu").click();
        page.locator("#signOut").click();
        assertThat(page).hasURL(Pattern.compile("/login\\?logout$"));
        assertThat(page.getByText("You have signed out.")).isVisible();

        page.navigate("/admin/staff");
        assertThat(page).hasURL(Pattern.compile("/login$"));
        assertThat(page.locator("#signIn")).isVisible();
    }

    private Locator navLink(String text) {
        return page.locator("#mainNav")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(text).setExact(true));
    }

    /** Department options are indented with ideographic spaces, so match the label without them. */
    private static String optionValue(Locator select, String departmentName) {
        for (Locator option : select.locator("option").all()) {
            if (option.textContent().strip().equals(departmentName)) {
                return option.getAttribute("value");
            }
        }
        throw new AssertionError("No option " + departmentName + " in " + select);
    }

    private static Locator.GetByTextOptions exact() {
        return new Locator.GetByTextOptions().setExact(true);
    }
}
