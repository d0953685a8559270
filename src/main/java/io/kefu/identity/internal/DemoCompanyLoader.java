package io.kefu.identity.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Creates the demo company through the same services an administrator uses, so that it is audited alike. */
@Component
class DemoCompanyLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoCompanyLoader.class);

    private final StaffService staff;
    private final DepartmentService departments;
    private final SkillGroupService skillGroups;
    private final RoleService roles;

    DemoCompanyLoader(StaffService staff, DepartmentService departments, SkillGroupService skillGroups,
                      RoleService roles) {
        this.staff = staff;
        this.departments = departments;
        this.skillGroups = skillGroups;
        this.roles = roles;
    }

    void load(DemoCompany demo, String password) {
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
}
