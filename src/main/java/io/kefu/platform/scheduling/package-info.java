/**
 * Persistent, cluster-safe timers for every module: one db-scheduler {@code Scheduler} on the application's
 * database. A module declares its tasks as beans of type {@code com.github.kagkarlsson.scheduler.task.Task} and
 * schedules instances through the {@code SchedulerClient} bean, inside its own transaction; a recurring task is
 * scheduled when the scheduler starts, with nothing more to do.
 */
@org.springframework.modulith.NamedInterface("scheduling")
package io.kefu.platform.scheduling;
