package io.kefu.identity.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.kefu.audit.AuditLog;
import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: creating and editing them, passwords, sign-in failures and lockout. Every change is audited. */
@Service
@Transactional
public class StaffService {

    private final StaffRepository staff;
    private final DepartmentRepository departments;
    private final RoleRepository roles;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final StaffSessions sessions;
    private final GrantGuard grants;

    StaffService(StaffRepository staff, DepartmentRepository departments, RoleRepository roles,
                 PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder, AuditLog audit,
                 StaffSessions sessions, GrantGuard grants) {
        this.staff = staff;
        this.departments = departments;
        this.roles = roles;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.sessions = sessions;
        this.grants = grants;
    }

    @Transactional(readOnly = true)
    public List<Staff> search(String query, Long departmentId, int limit) {
        return staff.search(query == null ? "" : query.trim(), departmentId, PageRequest.of(0, limit));
    }

    @Transactional(readOnly = true)
    public List<Staff> all() {
        return staff.findAll();
    }

    @Transactional(readOnly = true)
    public Staff get(long id) {
        return staff.findById(id).orElseThrow(() -> DomainException.notFound("staff", id));
    }

    public Staff create(StaffDraft draft, String password) {
        String username = draft.username().trim();
        if (staff.existsByUsernameIgnoreCase(username)) {
            throw DomainException.onField(HttpStatus.CONFLICT, "username", "staff.usernameTaken", username);
        }
        passwordPolicy.check(username, password);
        Staff member = new Staff(username, draft.displayName().trim(), passwordEncoder.encode(password));
        apply(member, draft);
        staff.save(member);
        audit.record("staff.created", "staff", member.getId(), username + " " + roleCodes(member));
        return member;
    }

    /**
     * Changes part of a staff member: {@code change} gets her as she is and says what she becomes. Read and write
     * happen in one transaction, so that of two concurrent edits the second is refused, not silently undone.
     */
    public Staff patch(long id, UnaryOperator<StaffDraft> change) {
        Staff member = get(id);
        StaffDraft current = new StaffDraft(member.getUsername(), member.getDisplayName(), member.getEmail(),
                member.getPhone(), member.getDepartmentId(),
                member.getRoles().stream().map(Role::getId).collect(Collectors.toSet()), member.isEnabled());
        return update(id, change.apply(current));
    }

    public Staff update(long id, StaffDraft draft) {
        Staff member = get(id);
        boolean wasAdministrator = isEnabledAdministrator(member);
        Set<Role> rolesBefore = member.getRoles();
        Long departmentBefore = member.getDepartmentId();
        apply(member, draft);
        // The count query flushes this change first: it already counts the company without her.
        if (wasAdministrator && !isEnabledAdministrator(member) && staff.countEnabledAdministrators() == 0) {
            throw new DomainException(HttpStatus.CONFLICT, "staff.lastAdministrator");
        }
        audit.record("staff.updated", "staff", id, member.getUsername() + " " + roleCodes(member)
                + (member.isEnabled() ? "" : " disabled"));
        if (!member.isEnabled() || !rolesBefore.equals(member.getRoles())
                || !Objects.equals(departmentBefore, member.getDepartmentId())) {
            sessions.signOutEverywhere(member.getUsername());
        }
        return member;
    }

    public void resetPassword(long id, String newPassword) {
        Staff member = get(id);
        passwordPolicy.check(member.getUsername(), newPassword);
        member.changePassword(passwordEncoder.encode(newPassword));
        audit.record("staff.passwordReset", "staff", id, member.getUsername());
        sessions.signOutEverywhere(member.getUsername());
    }

    /** Her other sessions end: a password changed because it leaked must also shut out whoever used it. */
    public void changeOwnPassword(long id, String currentPassword, String newPassword, String keepSessionId) {
        Staff member = get(id);
        if (!passwordEncoder.matches(currentPassword == null ? "" : currentPassword, member.getPasswordHash())) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "currentPassword", "password.currentWrong");
        }
        passwordPolicy.check(member.getUsername(), newPassword);
        member.changePassword(passwordEncoder.encode(newPassword));
        audit.record("staff.passwordChanged", "staff", id, member.getUsername());
        sessions.signOutEverywhereBut(member.getUsername(), keepSessionId);
    }

    public void unlock(long id) {
        Staff member = get(id);
        member.unlock();
        audit.record("staff.unlocked", "staff", id, member.getUsername());
    }

    /**
     * Counts a failed sign-in for an existing username; the fifth in a row locks the account. One atomic UPDATE,
     * so that guesses sent in parallel are each counted (a read-then-write would lose most of them).
     */
    public void recordFailedLogin(String username) {
        if (staff.countFailedLogin(username, Staff.MAX_FAILED_LOGINS, Instant.now().plus(Staff.LOCKOUT)) > 0
                && staff.isLockedNow(username, Staff.MAX_FAILED_LOGINS)) {
            audit.recordUnauthenticated(username, "auth.locked", Staff.MAX_FAILED_LOGINS + " failed sign-ins");
        }
        audit.recordUnauthenticated(username, "auth.loginFailed", null);
    }

    /** A sign-in refused for another reason than the password: the account is locked or disabled. */
    public void recordRefusedLogin(String username, String reason) {
        audit.recordUnauthenticated(username, "auth.loginFailed", reason);
    }

    public void recordSuccessfulLogin(long id) {
        staff.findById(id).ifPresent(Staff::recordSuccessfulLogin);
        audit.record("auth.login", "staff", id, null);
    }

    private void apply(Staff member, StaffDraft draft) {
        Department department = draft.departmentId() == null ? null
                : departments.findById(draft.departmentId()).orElseThrow(() -> DomainException.onField(
                        HttpStatus.BAD_REQUEST, "departmentId", "error.notFound.department", draft.departmentId()));
        Set<Role> newRoles = new HashSet<>();
        for (Long roleId : draft.roleIds()) {
            newRoles.add(roles.findById(roleId).orElseThrow(() -> DomainException.onField(
                    HttpStatus.BAD_REQUEST, "roleIds", "error.notFound.role", roleId)));
        }
        if (newRoles.isEmpty()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "roleIds", "staff.roleRequired");
        }
        if (!newRoles.equals(member.getRoles())) {
            grants.requireMayGrant(newRoles, "roleIds");
        }
        member.updateProfile(draft.displayName().trim(), Text.blankToNull(draft.email()), Text.blankToNull(draft.phone()),
                department);
        member.assignRoles(newRoles);
        member.setEnabled(draft.enabled());
    }

    private static boolean isEnabledAdministrator(Staff member) {
        return member.isEnabled() && member.getRoles().stream().anyMatch(Role::isAdministrator);
    }

    private static String roleCodes(Staff member) {
        return member.getRoles().stream().map(Role::getCode).sorted().toList().toString();
    }
}
