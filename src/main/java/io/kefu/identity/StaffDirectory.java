package io.kefu.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What other modules may ask about staff and departments. */
public interface StaffDirectory {

    /** A staff member as other modules see her. */
    record StaffSummary(long id, String username, String displayName, Long departmentId, boolean enabled) {
    }

    /** A skill group as other modules see it. */
    record SkillGroupSummary(long id, String name, Long departmentId) {
    }

    /** A department as other modules see it. */
    record DepartmentSummary(long id, String name) {
    }

    /** Where a staff member can be reached; either part may be null. */
    record StaffContact(String email, String phone) {
    }

    Optional<StaffSummary> find(long staffId);

    Optional<SkillGroupSummary> skillGroup(long skillGroupId);

    List<SkillGroupSummary> skillGroups();

    Optional<DepartmentSummary> department(long departmentId);

    List<DepartmentSummary> departments();

    /** The enabled members of a skill group, by id. */
    List<Long> membersOf(long skillGroupId);

    /** The skill groups a staff member belongs to. */
    Set<Long> skillGroupsOf(long staffId);

    /**
     * Enabled staff holding the role (e.g. SUPERVISOR) in the department, else in the nearest department above it,
     * else anywhere: whom to escalate to.
     */
    List<Long> withRoleNear(String roleCode, Long departmentId);

    /** Her email address and phone number, for notifications; empty when there is no such staff member. */
    Optional<StaffContact> contactOf(long staffId);

    /** Every enabled staff member, by name: the people records can be given to. */
    List<StaffSummary> active();

    /** Every staff member, disabled ones too (whose records may still need handing over), by name. */
    List<StaffSummary> everyone();

    /** The department and all departments below it, for the DEPARTMENT data scope. */
    Set<Long> departmentWithDescendants(long departmentId);
}
