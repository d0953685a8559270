package io.kefu.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.kefu.sla.internal.BusinessCalendar;
import io.kefu.sla.internal.WorkingPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Business-time arithmetic of an office calendar: lunch breaks, nights, weekends, holidays, make-up days, DST. */
class BusinessCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<WorkingPeriod> OFFICE_DAY = List.of(WorkingPeriod.parse("08:30", "12:00"),
            WorkingPeriod.parse("13:30", "18:00"));

    /** Mon–Fri 08:30–12:00 and 13:30–18:00 (8 hours a day) with the 2026 Spring Festival and its make-up Saturdays. */
    private static BusinessCalendar office(ZoneId zone) {
        Map<DayOfWeek, List<WorkingPeriod>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            weekly.put(day, OFFICE_DAY);
        }
        Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 16),
                LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19),
                LocalDate.of(2026, 2, 20), LocalDate.of(2026, 2, 21), LocalDate.of(2026, 2, 22),
                LocalDate.of(2026, 2, 23));
        return new BusinessCalendar(zone, weekly, holidays,
                Map.of(LocalDate.of(2026, 2, 14), List.of(), LocalDate.of(2026, 2, 28),
                        List.of(WorkingPeriod.parse("09:00", "12:00"))));
    }

    private static final BusinessCalendar OFFICE = office(SHANGHAI);

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void countsOnlyWorkingHoursAcrossTheLunchBreak() {
        assertThat(OFFICE.addBusinessTime(at("2026-03-02T11:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-03-02T14:30"));
        assertThat(OFFICE.businessTimeBetween(at("2026-03-02T11:00"), at("2026-03-02T14:30")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aSpanEndingWithAPeriodEndsAtThePeriodsEndNotAfterLunch() {
        assertThat(OFFICE.addBusinessTime(at("2026-03-02T11:00"), Duration.ofHours(1)))
                .isEqualTo(at("2026-03-02T12:00"));
    }

    @Test
    void startingOutsideHoursCountsFromTheNextOpening() {
        assertThat(OFFICE.addBusinessTime(at("2026-03-02T07:00"), Duration.ofMinutes(30)))
                .isEqualTo(at("2026-03-02T09:00"));
        assertThat(OFFICE.addBusinessTime(at("2026-03-02T12:30"), Duration.ofMinutes(30)))
                .isEqualTo(at("2026-03-02T14:00"));
        assertThat(OFFICE.addBusinessTime(at("2026-03-02T20:00"), Duration.ofHours(1)))
                .isEqualTo(at("2026-03-03T09:30"));
    }

    @Test
    void skipsTheWeekend() {
        // Friday 17:00 + 4h: one hour on Friday, three on Monday morning.
        assertThat(OFFICE.addBusinessTime(at("2026-03-06T17:00"), Duration.ofHours(4)))
                .isEqualTo(at("2026-03-09T11:30"));
        assertThat(OFFICE.businessTimeBetween(at("2026-03-06T17:00"), at("2026-03-09T11:30")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(OFFICE.isOpenAt(at("2026-03-07T10:00"))).isFalse();
    }

    @Test
    void skipsHolidaysAndWorksMakeUpDays() {
        // Friday 13 Feb 17:00 + 2h: one hour that day, then Saturday 14 Feb is a make-up day (Monday's periods).
        assertThat(OFFICE.isOpenAt(at("2026-02-14T09:00"))).isTrue();
        assertThat(OFFICE.addBusinessTime(at("2026-02-13T17:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-02-14T09:30"));
        // Saturday 14 Feb 17:00 + 2h: the Spring Festival (15–23 Feb) is closed, work resumes Tuesday 24 Feb.
        assertThat(OFFICE.isOpenAt(at("2026-02-18T10:00"))).isFalse();
        assertThat(OFFICE.addBusinessTime(at("2026-02-14T17:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-02-24T09:30"));
        // Saturday 28 Feb is a make-up day with its own morning-only period.
        assertThat(OFFICE.isOpenAt(at("2026-02-28T09:30"))).isTrue();
        assertThat(OFFICE.isOpenAt(at("2026-02-28T14:00"))).isFalse();
    }

    @Test
    void isOpenOnlyWithinPeriodsStartInclusiveEndExclusive() {
        assertThat(OFFICE.isOpenAt(at("2026-03-02T08:30"))).isTrue();
        assertThat(OFFICE.isOpenAt(at("2026-03-02T12:00"))).isFalse();
        assertThat(OFFICE.isOpenAt(at("2026-03-02T12:45"))).isFalse();
        assertThat(OFFICE.isOpenAt(at("2026-03-02T17:59"))).isTrue();
        assertThat(OFFICE.isOpenAt(at("2026-03-02T18:00"))).isFalse();
    }

    @Test
    void multiDayTargetsCountWholeDays() {
        // 24 business hours from Monday 08:30 = three full 8-hour days: Wednesday 18:00.
        assertThat(OFFICE.addBusinessTime(at("2026-03-02T08:30"), Duration.ofHours(24)))
                .isEqualTo(at("2026-03-04T18:00"));
        // 16 hours from Thursday 10:00: Thu 6.5h, Fri 8h, Mon 1.5h -> Monday 10:00.
        assertThat(OFFICE.addBusinessTime(at("2026-03-05T10:00"), Duration.ofHours(16)))
                .isEqualTo(at("2026-03-09T10:00"));
    }

    @Test
    void longTargetsSkipWholeWeeksAndStayExact() {
        // 400 working days of 8 hours from a Monday in March 2026 (no holidays after February in this calendar):
        // 80 weeks, ending on the Friday of the 80th week.
        Instant from = at("2026-03-02T08:30");
        Instant due = OFFICE.addBusinessTime(from, Duration.ofHours(8L * 400));
        assertThat(due).isEqualTo(at("2027-09-10T18:00"));
        assertThat(OFFICE.businessTimeBetween(from, due)).isEqualTo(Duration.ofHours(8L * 400));
    }

    @Test
    void overnightShiftsAreTwoPeriods() {
        Map<DayOfWeek, List<WorkingPeriod>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, List.of(WorkingPeriod.parse("00:00", "06:00"), WorkingPeriod.parse("22:00", "24:00")));
        }
        BusinessCalendar night = new BusinessCalendar(SHANGHAI, weekly, Set.of(), Map.of());
        assertThat(night.addBusinessTime(at("2026-03-02T23:00"), Duration.ofHours(3)))
                .isEqualTo(at("2026-03-03T02:00"));
        assertThat(night.isOpenAt(at("2026-03-02T23:59"))).isTrue();
        assertThat(night.isOpenAt(at("2026-03-03T00:00"))).isTrue();
        assertThat(night.isOpenAt(at("2026-03-03T12:00"))).isFalse();
    }

    @Test
    void followsDaylightSavingTime() {
        ZoneId newYork = ZoneId.of("America/New_York");
        BusinessCalendar office = office(newYork);
        // Clocks go forward on Sunday 8 March 2026: Friday 17:00 + 2h is Monday 09:30 local time all the same.
        Instant friday = LocalDateTime.parse("2026-03-06T17:00").atZone(newYork).toInstant();
        assertThat(office.addBusinessTime(friday, Duration.ofHours(2)))
                .isEqualTo(LocalDateTime.parse("2026-03-09T09:30").atZone(newYork).toInstant());
        // Round the clock across the change: the night of 7–8 March has 23 hours, not 24.
        BusinessCalendar allDay = BusinessCalendar.allDay(newYork);
        Instant saturdayNoon = LocalDateTime.parse("2026-03-07T12:00").atZone(newYork).toInstant();
        Instant sundayNoon = LocalDateTime.parse("2026-03-08T12:00").atZone(newYork).toInstant();
        assertThat(allDay.businessTimeBetween(saturdayNoon, sundayNoon)).isEqualTo(Duration.ofHours(23));
        assertThat(allDay.addBusinessTime(saturdayNoon, Duration.ofHours(23))).isEqualTo(sundayNoon);
        // Whole weeks across the change are still exact.
        Instant monthLater = office.addBusinessTime(friday, Duration.ofHours(8 * 30));
        assertThat(office.businessTimeBetween(friday, monthLater)).isEqualTo(Duration.ofHours(8 * 30));
        assertThat(monthLater.atZone(newYork).toLocalTime().toString()).isEqualTo("17:00");
    }

    @Test
    void betweenIsTheInverseOfAdd() {
        Random random = new Random(42);
        Instant base = at("2026-01-01T00:00");
        for (int i = 0; i < 500; i++) {
            Instant from = base.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 400)));
            Duration amount = Duration.ofMinutes(1 + random.nextInt(60 * 8 * 30));
            Instant due = OFFICE.addBusinessTime(from, amount);
            assertThat(OFFICE.businessTimeBetween(from, due)).as("from %s + %s", from, amount).isEqualTo(amount);
            assertThat(OFFICE.businessTimeBetween(due, from)).isEqualTo(amount.negated());
        }
    }

    @Test
    void zeroBusinessTimeIsNow() {
        Instant sunday = at("2026-03-08T10:00");
        assertThat(OFFICE.addBusinessTime(sunday, Duration.ZERO)).isEqualTo(sunday);
        assertThat(OFFICE.businessTimeBetween(sunday, sunday)).isZero();
    }
}
