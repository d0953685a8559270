package io.kefu.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.kefu.identity.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class StaffDirectoryService implements StaffDirectory {

    private final StaffRepository staff;
    private final JdbcClient jdbc;

    StaffDirectoryService(StaffRepository staff, JdbcClient jdbc) {
        this.staff = staff;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StaffSummary> find(long staffId) {
        return staff.findById(staffId).map(s -> new StaffSummary(s.getId(), s.getUsername(), s.getDisplayName(),
                s.getDepartmentId(), s.isEnabled()));
    }

    @Override
    public Optional<StaffContact> contactOf(long staffId) {
        return jdbc.sql("SELECT email, phone FROM staff WHERE id = :id").param("id", staffId)
                .query((rs, row) -> new StaffContact(rs.getString("email"), rs.getString("phone"))).optional();
    }

    @Override
    public List<StaffSummary> active() {
        return everyone().stream().filter(StaffSummary::enabled).toList();
    }

    @Override
    public List<StaffSummary> everyone() {
        return jdbc.sql("SELECT id, username, display_name, department_id, enabled FROM staff ORDER BY username")
                .query((rs, n) -> new StaffSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getBoolean(5)))
                .list();
    }

    @Override
    public Set<Long> departmentWithDescendants(long departmentId) {
        return Set.copyOf(jdbc.sql("""
                WITH RECURSIVE tree AS (
                    SELECT id FROM department WHERE id = :id
                    UNION ALL
                    SELECT d.id FROM department d JOIN tree t ON d.parent_id = t.id)
                SELECT id FROM tree""").param("id", departmentId).query(Long.class).list());
    }

    @Override
    public Optional<SkillGroupSummary> skillGroup(long skillGroupId) {
        return jdbc.sql("SELECT id, name, department_id FROM skill_group WHERE id = :id").param("id", skillGroupId)
                .query((rs, n) -> new SkillGroupSummary(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class)))
                .optional();
    }

    @Override
    public List<SkillGroupSummary> skillGroups() {
        return jdbc.sql("SELECT id, name, department_id FROM skill_group ORDER BY name")
                .query((rs, n) -> new SkillGroupSummary(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class)))
                .list();
    }

    @Override
    public Optional<DepartmentSummary> department(long departmentId) {
        return jdbc.sql("SELECT id, name FROM department WHERE id = :id").param("id", departmentId)
                .query((rs, n) -> new DepartmentSummary(rs.getLong(1), rs.getString(2))).optional();
    }

    @Override
    public List<DepartmentSummary> departments() {
        return jdbc.sql("SELECT id, name FROM department ORDER BY name")
                .query((rs, n) -> new DepartmentSummary(rs.getLong(1), rs.getString(2))).list();
    }

    @Override
    public List<Long> membersOf(long skillGroupId) {
        return jdbc.sql("""
                SELECT s.id FROM skill_group_member m JOIN staff s ON s.id = m.staff_id
                WHERE m.skill_group_id = :id AND s.enabled ORDER BY s.id""")
                .param("id", skillGroupId).query(Long.class).list();
    }

    @Override
    public Set<Long> skillGroupsOf(long staffId) {
        return Set.copyOf(jdbc.sql("SELECT skill_group_id FROM skill_group_member WHERE staff_id = :id")
                .param("id", staffId).query(Long.class).list());
    }

    @Override
    public List<Long> withRoleNear(String roleCode, Long departmentId) {
        List<Long> nearest = jdbc.sql("""
                WITH RECURSIVE up AS (
                    SELECT id, parent_id, 0 AS depth FROM department WHERE id = :department
                    UNION ALL
                    SELECT d.id, d.parent_id, up.depth + 1 FROM department d JOIN up ON d.id = up.parent_id),
                holders AS (
                    SELECT s.id, s.department_id FROM staff s
                    JOIN staff_role sr ON sr.staff_id = s.id JOIN role r ON r.id = sr.role_id
                    WHERE r.code = :role AND s.enabled)
                SELECT h.id FROM holders h JOIN up ON up.id = h.department_id
                WHERE up.depth = (SELECT min(up2.depth) FROM holders h2 JOIN up up2 ON up2.id = h2.department_id)
                ORDER BY h.id""")
                .param("department", departmentId).param("role", roleCode).query(Long.class).list();
        if (!nearest.isEmpty()) {
            return nearest;
        }
        return jdbc.sql("""
                SELECT s.id FROM staff s JOIN staff_role sr ON sr.staff_id = s.id JOIN role r ON r.id = sr.role_id
                WHERE r.code = :role AND s.enabled ORDER BY s.id""").param("role", roleCode).query(Long.class).list();
    }
}
