package io.kefu.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.kefu.platform.DomainException;
import io.kefu.platform.KefuProperties;
import io.kefu.platform.web.Locales;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
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
    private final DepartmentService departments;
    private final SkillGroupService skillGroups;
    private final RoleService roles;
    private final ApiTokenService tokens;
    private final PasswordPolicy passwordPolicy;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MessageSource messages;
    private String generatedPassword;

    FirstStart(KefuProperties properties, StaffRepository staffRepository, StaffService staff,
               DepartmentService departments, SkillGroupService skillGroups, RoleService roles,
               ApiTokenService tokens, PasswordPolicy passwordPolicy, TransactionTemplate transactions,
               JdbcClient jdbc, JsonMapper json, MessageSource messages) {
        this.properties = properties;
        this.staffRepository = staffRepository;
        this.staff = staff;
        this.departments = departments;
        this.skillGroups = skillGroups;
        this.roles = roles;
        this.tokens = tokens;
        this.passwordPolicy = passwordPolicy;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
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
        DemoCompany demo = properties.demoData() ? readDemoCompany() : null;
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
                loadDemoCompany(demo, password);
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

    private void loadDemoCompany(DemoCompany demo, String password) {
        Map<String, Long> departmentIds = new HashMap<>();
        createDepartments(demo.departments(), null, departmentIds);
        Map<String, Long> staffIds = new HashMap<>();
        for (DemoCompany.Member m : demo.staff()) {
            Set<Long> roleIds = m.roles().stream().map(code -> roles.byCode(code).getId()).collect(Collectors.toSet());
            Staff created = staff.create(new StaffDraft(m.username(), m.displayName(), m.email(), m.phone(),
                    departmentIds.get(m.department()), roleIds, true), password);
            staffIds.put(m.username(), created.getId());
        }
        for (DemoCompany.Group g : demo.skillGroups()) {
            skillGroups.create(new SkillGroupDraft(g.name(), g.description(), departmentIds.get(g.department()),
                    g.members().stream().map(staffIds::get).collect(Collectors.toSet())));
        }
        log.info("Loaded the demo company: {} departments, {} staff, {} skill groups", departmentIds.size(),
                staffIds.size(), demo.skillGroups().size());
    }

    private void createDepartments(List<DemoCompany.Unit> units, Long parentId, Map<String, Long> ids) {
        for (DemoCompany.Unit unit : units) {
            long id = departments.create(unit.name(), parentId).getId();
            ids.put(unit.name(), id);
            createDepartments(unit.children(), id, ids);
        }
    }

    private DemoCompany readDemoCompany() {
        try (InputStream in = new ClassPathResource("demo/identity.json").getInputStream()) {
            return json.readValue(in, DemoCompany.class);
        } catch (IOException e) {
            throw new IllegalStateException("The demo company (demo/identity.json) cannot be read", e);
        }
    }

    @EventListener
    void printWelcome(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        String login = generatedPassword != null
                ? "password " + generatedPassword + "  (generated now and shown only this once)"
                : "with the password set on first start (KEFU_ADMIN_PASSWORD, or the one printed then)";
        String demo = properties.demoData()
                ? "\n  Demo staff (wangfang, liming, zhaolei, chenjing, sunqiang, zhoujie, wuxia) use the same password."
                : "";
        log.info("\n\n  Kefu is ready at http://localhost:{}\n  Sign in as: {}, {}{}\n", port, ADMIN_USERNAME, login,
                demo);
    }

    record DemoCompany(List<Unit> departments, List<Member> staff, List<Group> skillGroups) {
        record Unit(String name, List<Unit> children) {
            Unit {
                children = children == null ? List.of() : children;
            }
        }

        record Member(String username, String displayName, String department, List<String> roles, String email,
                      String phone) {
        }

        record Group(String name, String description, String department, List<String> members) {
        }
    }
}
