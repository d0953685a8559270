package io.kefu.sla.internal;

import java.time.LocalDate;
import java.util.List;

/** A public holiday, or a make-up working day with its periods (none given: the periods of a normal Monday). */
public record CalendarDay(LocalDate date, String name, List<WorkingPeriod> periods) {

    public CalendarDay {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }
}
