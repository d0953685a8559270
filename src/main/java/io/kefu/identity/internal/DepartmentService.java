package io.kefu.identity.internal;

import java.util.List;

import io.kefu.audit.AuditLog;
import io.kefu.platform.DomainException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The department tree: add, rename, move (never under itself) and remove (only when nothing hangs on it). */
@Service
@Transactional
public class DepartmentService {

    private final DepartmentRepository departments;
    private final StaffRepository staff;
    private final SkillGroupRepository skillGroups;
    private final AuditLog audit;

    DepartmentService(DepartmentRepository departments, StaffRepository staff, SkillGroupRepository skillGroups,
                      AuditLog audit) {
        this.departments = departments;
        this.staff = staff;
        this.skillGroups = skillGroups;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<DepartmentNode> tree() {
        return DepartmentNode.treeOf(departments.findAllByOrderBySortOrderAscIdAsc());
    }

    @Transactional(readOnly = true)
    public Department get(long id) {
        return departments.findById(id).orElseThrow(() -> DomainException.notFound("department", id));
    }

    public Department create(String name, Long parentId) {
        Department department = new Department(name.trim(), parentOrNull(parentId));
        saveUnique(department);
        audit.record("department.created", "department", department.getId(), department.getName());
        return department;
    }

    public Department update(long id, String name, Long parentId) {
        Department department = get(id);
        Department parent = parentOrNull(parentId);
        if (parent != null && parent.isWithin(department)) {
            throw DomainException.onField(HttpStatus.CONFLICT, "parentId", "department.cycle");
        }
        department.rename(name.trim());
        department.moveUnder(parent);
        saveUnique(department);
        audit.record("department.updated", "department", id, department.getName());
        return department;
    }

    public void delete(long id) {
        Department department = get(id);
        if (departments.existsByParent_Id(id) || staff.existsByDepartment_Id(id) || skillGroups.existsByDepartment_Id(id)) {
            throw new DomainException(HttpStatus.CONFLICT, "department.inUse", department.getName());
        }
        departments.delete(department);
        audit.record("department.deleted", "department", id, department.getName());
    }

    private Department parentOrNull(Long parentId) {
        return parentId == null ? null : departments.findById(parentId).orElseThrow(() ->
                DomainException.onField(HttpStatus.BAD_REQUEST, "parentId", "error.notFound.department", parentId));
    }

    private void saveUnique(Department department) {
        try {
            departments.saveAndFlush(department);
        } catch (DataIntegrityViolationException e) {
            throw DomainException.onField(HttpStatus.CONFLICT, "name", "department.nameTaken", department.getName());
        }
    }
}
