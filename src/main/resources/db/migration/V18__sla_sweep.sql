-- SLA warnings and breaches are found by a sweep of the clocks instead of two db-scheduler timers per clock
-- (issue 4: four timer rows per new ticket cost a third of its inserts). The due side reads sla_clock_running_due;
-- this index serves the warning side. The timers of the earlier design are no longer run by anything.
CREATE INDEX sla_clock_running_warn ON sla_clock (warn_at) WHERE state = 'RUNNING' AND NOT warned;
DELETE FROM scheduled_tasks WHERE task_name IN ('sla-warning', 'sla-breach');
