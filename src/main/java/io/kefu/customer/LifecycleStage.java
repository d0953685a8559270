package io.kefu.customer;

/** Where the relationship stands: 潜在, 考察期, 形成期, 稳定期, 退化期, 流失. */
public enum LifecycleStage {
    PROSPECT,
    EXPLORATION,
    FORMATION,
    STABLE,
    DECLINE,
    CHURNED
}
