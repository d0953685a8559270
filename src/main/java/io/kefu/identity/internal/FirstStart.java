package io.kefu.identity.internal;

import java.util.Locale;
import java.util.Set;

import io.kefu.identity.DemoCompanyLoaded;
import io.kefu.platform.DomainException;
import io.kefu.platform.KefuProperties;
import io.kefu.platform.web.Locales;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * On an empty database: creates the administrator (password from {@code KEFU_ADMIN_PASSWORD}, or generated and
 * printed once), the bootstrap API token if {@code KEFU_BOOTSTRAP_TOKEN} is set, and the demo company unless
 * demo data is switched off. Then, on every start, prints where Kefu runs and how to sign in.
 */
@Component
class FirstStart implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final KefuProperties properties;
    private final StaffRepository staffRepository;
    private final StaffService staff;
    private final DemoCompanyLoader demoCompany;
    private final RoleService roles;
    private final ApiTokenService tokens;
    private final PasswordPolicy passwordPolicy;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private String generatedPassword;

    FirstStart(KefuProperties properties, StaffRepository staffRepository, StaffService staff,
               DemoCompanyLoader demoCompany, RoleService roles, ApiTokenService tokens, PasswordPolicy passwordPolicy,
               TransactionTemplate transactions, JdbcClient jdbc, JsonMapper json, MessageSource messages,
               ApplicationEventPublisher events) {
        this.properties = properties;
        this.staffRepository = staffRepository;
        this.staff = staff;
        this.demoCompany = demoCompany;
        this.roles = roles;
        this.tokens = tokens;
        this.passwordPolicy = passwordPolicy;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            // Two nodes starting at once on an empty database: only one sets it up.
            jdbc.sql("SELECT pg_advisory_xact_lock(7426001)").query().singleValue();
            if (staffRepository.count() == 0) {
                setUp();
            }
        });
    }

    private void setUp() {
        String password = StringUtils.hasText(properties.adminPassword()) ? properties.adminPassword()
                : (generatedPassword = passwordPolicy.generate());
        DemoCompany demo = properties.demoData() ? DemoCompany.read(json) : null;
        checkFirstPassword(ADMIN_USERNAME, password);
        if (demo != null) {
            demo.staff().forEach(member -> checkFirstPassword(member.username(), password));
        }
        String adminName = messages.getMessage("role.ADMINISTRATOR", null, Locales.DEFAULT);
        Staff admin = staff.create(new StaffDraft(ADMIN_USERNAME, adminName, null, null, null,
                Set.of(roles.byCode(Role.ADMINISTRATOR).getId()), true), password);
        actAs(admin);
        try {
            if (StringUtils.hasText(properties.bootstrapToken())) {
                tokens.issueWithSecret("bootstrap", admin.getId(), properties.bootstrapToken());
            }
            if (demo != null) {
                demoCompany.load(demo, password);
                events.publishEvent(new DemoCompanyLoaded());
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The set-up is audited as the administrator's first acts. */
    private static void actAs(Staff admin) {
        var principal = StaffPrincipals.of(admin).withoutPassword();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    /** The first password is the administrator's and the demo staff's: it must meet the rules for each. */
    private void checkFirstPassword(String username, String password) {
        try {
            passwordPolicy.check(username, password);
        } catch (DomainException e) {
            throw new IllegalStateException("KEFU_ADMIN_PASSWORD is refused for " + username + ": "
                    + messages.getMessage(e.messageKey(), e.arguments(), Locale.ENGLISH) + " Rules: "
                    + messages.getMessage("password.rules", null, Locale.ENGLISH));
        }
    }

    @EventListener
    void printWelcome(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        String login = generatedPassword != null
                ? "password " + generatedPassword + "  (generated now and shown only this once)"
                : "with the password set on first start (KEFU_ADMIN_PASSWORD, or the one printed then)";
        String demo = properties.demoData() ? "\n  Demo staff (" + String.join(", ", DemoCompany.read(json).usernames())
                + ") use the same password." : "";
        log.info("\n\n  Kefu is ready at http://localhost:{}\n  Sign in as: {}, {}{}\n", port, ADMIN_USERNAME, login,
                demo);
    }
}
