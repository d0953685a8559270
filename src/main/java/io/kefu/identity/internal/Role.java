package io.kefu.identity.internal;

import java.util.EnumSet;
import java.util.Set;

import io.kefu.identity.DataScope;
import io.kefu.identity.Permission;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;

/** A set of permissions and a data scope, given to staff. Seven are built in; admins add their own. */
@Entity
public class Role {

    public static final String ADMINISTRATOR = "ADMINISTRATOR";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "data_scope")
    private DataScope dataScope;

    @Column(name = "built_in")
    private boolean builtIn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "role_permission", joinColumns = @JoinColumn(name = "role_id"))
    @Column(name = "permission")
    @Enumerated(EnumType.STRING)
    private Set<Permission> permissions = EnumSet.noneOf(Permission.class);

    protected Role() {
    }

    public Role(String code, String name, DataScope dataScope, Set<Permission> permissions) {
        this.code = code;
        this.name = name;
        this.dataScope = dataScope;
        this.permissions = copy(permissions);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public DataScope getDataScope() {
        return dataScope;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    public boolean isAdministrator() {
        return ADMINISTRATOR.equals(code);
    }

    public Set<Permission> getPermissions() {
        return Set.copyOf(permissions);
    }

    void update(String newName, DataScope newScope, Set<Permission> newPermissions) {
        this.name = newName;
        this.dataScope = newScope;
        this.permissions.clear();
        this.permissions.addAll(newPermissions);
    }

    private static Set<Permission> copy(Set<Permission> permissions) {
        return permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
    }
}
