package io.kefu.identity.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A department in the company's tree, e.g. 客服部 under the head office. */
@Entity
public class Department {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Department parent;

    @Column(name = "sort_order")
    private int sortOrder;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    protected Department() {
    }

    public Department(String name, Department parent) {
        this.name = name;
        this.parent = parent;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Department getParent() {
        return parent;
    }

    public Long getParentId() {
        return parent == null ? null : parent.getId();
    }

    public int getSortOrder() {
        return sortOrder;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void moveUnder(Department newParent) {
        this.parent = newParent;
    }

    /** True when {@code other} is this department or one of its ancestors. */
    boolean isWithin(Department other) {
        for (Department d = this; d != null; d = d.parent) {
            if (d.id != null && d.id.equals(other.id)) {
                return true;
            }
        }
        return false;
    }
}
