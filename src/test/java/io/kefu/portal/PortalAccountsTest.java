package io.kefu.portal;

import java.util.List;
import java.util.Map;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;
import io.kefu.identity.StaffPrincipal;
import io.kefu.notification.Mailbox;
import io.kefu.ticket.CustomerMessage;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketInbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

import static io.kefu.portal.Customers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers' portal accounts through the pages, with the emails read from a real SMTP server: sign-up with a
 * verified email, one-time links, lockout, invitations, and the wall between customer and staff sessions.
 */
@KefuTest
class PortalAccountsTest {

    @LocalServerPort
    int port;
    @Autowired
    JavaMailSender mailSender;
    @Autowired
    CustomerDirectory customers;
    @Autowired
    TicketInbox inbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    Mailbox mailbox;

    @BeforeEach
    void startMailServer() {
        mailbox = Mailbox.startFor(mailSender);
    }

    @AfterEach
    void stopMailServer() {
        mailbox.close();
    }

    @Test
    void aSignUpIsVerifiedByTheEmailedLinkAndThenSignsInWithItsPassword() {
        String email = Customers.uniqueEmail("signup");
        WebSession session = Customers.session(port);
        session.get("/portal/signup");
        assertThat(session.post("/portal/signup", Map.of("name", "林小雨", "email", email.toUpperCase(),
                "password", PASSWORD)).body()).contains("portalCheckMail");

        // Not verified yet: the password does not sign in, and no customer was made from the address.
        assertSignInFails(email, PASSWORD);
        assertThat(customers.findByIdentity(IdentityKind.EMAIL, email)).isEmpty();

        String link = Customers.awaitLink(mailbox, email, 1);
        WebSession.Page verified = Customers.follow(session, link);
        assertThat(verified.status()).isEqualTo(302);
        assertThat(verified.location()).endsWith("/portal");
        assertThat(session.get("/portal").body()).contains("portalNoTickets");
        assertThat(customers.findByIdentity(IdentityKind.EMAIL, email)).isPresent();

        WebSession again = Customers.session(port);
        again.get("/portal/login");
        WebSession.Page signedIn = again.post("/portal/login", Map.of("email", email, "password", PASSWORD));
        assertThat(signedIn.location()).endsWith("/portal");
        assertThat(again.get("/portal").status()).isEqualTo(200);
    }

    @Test
    void signingUpWithSomeoneElsesAddressRevealsNothingAndShowsNoneOfHerTickets() {
        String email = Customers.uniqueEmail("owner");
        long owner = transactions.execute(status -> customers.resolveOrCreate("周敏",
                List.of(new CustomerIdentity(IdentityKind.EMAIL, email)), StaffPrincipal.system("test")).id());
        transactions.executeWithoutResult(status -> inbox.receive(CustomerMessage.text(owner, TicketChannel.EMAIL,
                null, "私人问题", "不该被别人看到", null)));
        Customers.signedUp(port, mailbox, "周敏", email);

        // Someone else signs up with her address: the answer is the same as for a new one, the password is not taken.
        WebSession intruder = Customers.session(port);
        intruder.get("/portal/signup");
        WebSession.Page answer = intruder.post("/portal/signup", Map.of("name", "冒名者", "email", email,
                "password", "Intruder2026"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("portalCheckMail");
        assertSignInFails(email, "Intruder2026");
        assertThat(Customers.awaitMail(mailbox, email, 2)).contains("/portal/link?token=");
        assertThat(intruder.get("/portal").location()).endsWith("/portal/login");
    }

    @Test
    void anEmailedSignInLinkWorksOnceAndNotAfterItExpires() {
        String email = Customers.uniqueEmail("link");
        Customers.signedUp(port, mailbox, "赵磊", email);

        WebSession asking = Customers.session(port);
        asking.get("/portal/login");
        assertThat(asking.post("/portal/login/link", Map.of("email", email)).body()).contains("portalCheckMail");
        String link = Customers.awaitLink(mailbox, email, 2);
        assertThat(Customers.follow(asking, link).location()).endsWith("/portal");

        WebSession second = Customers.session(port);
        WebSession.Page reused = second.get(link);
        assertThat(reused.status()).isEqualTo(410);
        assertThat(reused.body()).contains("portalLinkInvalid");
        WebSession.Page posted = second.post("/portal/link", Map.of("token", Customers.tokenOf(link)));
        assertThat(posted.status()).isEqualTo(410);
        assertThat(second.get("/portal").location()).endsWith("/portal/login");

        // An unknown address gets the same answer, and nothing is sent.
        String nobody = Customers.uniqueEmail("nobody");
        assertThat(asking.post("/portal/login/link", Map.of("email", nobody)).body()).contains("portalCheckMail");

        asking.post("/portal/login/link", Map.of("email", email));
        String late = Customers.awaitLink(mailbox, email, 3);
        jdbc.sql("UPDATE portal_token SET expires_at = now() - interval '1 minute' WHERE token_hash = :hash")
                .param("hash", io.kefu.platform.Sha256.hex(Customers.tokenOf(late))).update();
        assertThat(Customers.session(port).post("/portal/link", Map.of("token", Customers.tokenOf(late))).status())
                .isEqualTo(410);
        assertThat(mailbox.to(nobody)).isEmpty();
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        String email = Customers.uniqueEmail("lock");
        Customers.signedUp(port, mailbox, "钱进", email);
        for (int i = 0; i < 4; i++) {
            assertSignInFails(email, "Wrong" + i + "password");
        }
        WebSession session = Customers.session(port);
        session.get("/portal/login");
        assertThat(session.post("/portal/login", Map.of("email", email, "password", "Wrong5password")).body())
                .contains("锁定 15 分钟");
        WebSession.Page refused = session.post("/portal/login", Map.of("email", email, "password", PASSWORD));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("锁定 15 分钟");
        assertThat(session.get("/portal").location()).endsWith("/portal/login");
    }

    @Test
    void staffInviteACustomerAtHerOwnAddressAndSheChoosesAPassword() {
        String email = Customers.uniqueEmail("invited");
        long customerId = transactions.execute(status -> customers.resolveOrCreate("孙丽",
                List.of(new CustomerIdentity(IdentityKind.EMAIL, email)), StaffPrincipal.system("test")).id());
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);

        ApiClient.Response notHers = admin.post("/api/v1/customers/" + customerId + "/portal-invitations",
                "{\"email\": \"" + Customers.uniqueEmail("other") + "\"}");
        assertThat(notHers.status()).isEqualTo(422);
        assertThat(notHers.json().get("detail").asString()).isEqualTo("该邮箱不属于此客户。");
        assertThat(admin.post("/api/v1/customers/" + customerId + "/portal-invitations",
                "{\"email\": \"" + email + "\"}").status()).isEqualTo(202);

        String link = Customers.awaitLink(mailbox, email, 1);
        WebSession session = Customers.session(port);
        assertThat(session.get(link).body()).contains("name=\"password\"");
        WebSession.Page weak = session.post("/portal/link", Map.of("token", Customers.tokenOf(link), "password", "123"));
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.body()).contains("至少需要 8 个字符");
        WebSession.Page chosen = session.post("/portal/link", Map.of("token", Customers.tokenOf(link),
                "password", PASSWORD));
        assertThat(chosen.location()).endsWith("/portal");

        WebSession later = Customers.session(port);
        later.get("/portal/login");
        assertThat(later.post("/portal/login", Map.of("email", email, "password", PASSWORD)).location())
                .endsWith("/portal");
        assertThat(customers.findByIdentity(IdentityKind.EMAIL, email)).contains(customerId);
    }

    @Test
    void aCustomerSessionOpensNoStaffPageAndAStaffSessionOpensNoPortalPage() {
        WebSession customer = Customers.signedUp(port, mailbox, "吴昊", Customers.uniqueEmail("wall"));
        for (String staffPage : List.of("/", "/tickets", "/customers", "/profile")) {
            assertThat(customer.get(staffPage).location()).as(staffPage).endsWith("/login")
                    .doesNotContain("/portal");
        }

        WebSession staff = new WebSession(port);
        staff.signIn(TestAccounts.ADMIN, TestAccounts.PASSWORD);
        assertThat(staff.get("/portal").location()).endsWith("/portal/login");
        assertThat(staff.get("/").status()).isEqualTo(200);

        // Both in one browser: signing out of the portal leaves the staff sign-in alone.
        customer.signIn(TestAccounts.ADMIN, TestAccounts.PASSWORD);
        assertThat(customer.get("/").status()).isEqualTo(200);
        assertThat(customer.get("/portal").status()).isEqualTo(200);
        assertThat(customer.post("/portal/logout", Map.of()).location()).endsWith("/portal/login?logout");
        assertThat(customer.get("/portal").location()).endsWith("/portal/login");
        assertThat(customer.get("/").status()).isEqualTo(200);
    }

    private void assertSignInFails(String email, String password) {
        WebSession session = Customers.session(port);
        session.get("/portal/login");
        WebSession.Page page = session.post("/portal/login", Map.of("email", email, "password", password));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("邮箱或密码错误");
    }
}
