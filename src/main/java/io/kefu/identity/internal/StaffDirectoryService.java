package io.kefu.identity.internal;

import java.util.Comparator;
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
        return staff.findAll().stream()
                .map(s -> new StaffSummary(s.getId(), s.getUsername(), s.getDisplayName(), s.getDepartmentId(),
                        s.isEnabled()))
                .sorted(Comparator.comparing(StaffSummary::username))
                .toList();
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
}
