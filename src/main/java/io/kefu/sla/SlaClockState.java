package io.kefu.sla;

/** Where a clock stands. BREACHED covers both a clock past its deadline and one met too late. */
public enum SlaClockState {
    RUNNING, PAUSED, MET, BREACHED
}
