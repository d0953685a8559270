package io.kefu.sla;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The clocks of one ticket and the policy that set them. */
public record SlaStatus(long policyId, String policyName, List<SlaDeadline> deadlines) {

    public SlaStatus {
        deadlines = List.copyOf(deadlines);
    }

    public Optional<SlaDeadline> deadline(SlaMetric metric) {
        return deadlines.stream().filter(d -> d.metric() == metric).findFirst();
    }

    /** The earliest dueAt of the running clocks. */
    public Optional<Instant> nextDue() {
        return deadlines.stream().filter(d -> d.state() == SlaClockState.RUNNING).map(SlaDeadline::dueAt)
                .filter(Objects::nonNull).min(Instant::compareTo);
    }
}
