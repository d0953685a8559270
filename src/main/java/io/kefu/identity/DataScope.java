package io.kefu.identity;

/** Which records a role's holder may see: her own, her department's (with its sub-departments), or all. */
public enum DataScope {
    OWN,
    DEPARTMENT,
    ALL;

    /** With several roles, the widest scope wins. */
    public DataScope widest(DataScope other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
