package io.kefu.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.kefu.notification.NotificationChannel;
import io.kefu.notification.SmsGateway;
import io.kefu.platform.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers due notifications: every {@code poll-interval}, and right after a transaction that queued one commits.
 * One thread per node; several nodes share the work through the claim (SKIP LOCKED). Each notification is claimed,
 * sent, then marked, so a normal run never sends one twice; only a node that dies between sending and marking
 * leaves a claim that lapses and is sent again.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final OutboxRepository outbox;
    private final MailDelivery mail;
    private final SmsGateway sms;
    private final NotificationProperties properties;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    DeliveryWorker(OutboxRepository outbox, MailDelivery mail, SmsGateway sms, NotificationProperties properties) {
        this.outbox = outbox;
        this.mail = mail;
        this.sms = sms;
        this.properties = properties;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void queued(NotificationQueued event) {
        nudge();
    }

    /** Asks for a run soon; nudges while one is waiting to start fold into it. */
    void nudge() {
        ScheduledExecutorService running = executor;
        if (running != null && nudged.compareAndSet(false, true)) {
            try {
                running.execute(this::run);
            } catch (RejectedExecutionException e) {
                // Shutting down: the next start's first run picks the notification up.
                nudged.set(false);
            }
        }
    }

    private void run() {
        nudged.set(false);
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // The database may be briefly away; the next poll tries again, and the executor must keep running.
            log.warn("Notification delivery run failed: {}", e.toString());
        }
    }

    private void deliverDue() {
        List<OutboxEntry> batch;
        do {
            Instant claimed = Instant.now();
            batch = outbox.claimDue(deliverableChannels(), properties.batchSize(), properties.claimTimeout());
            for (int i = 0; i < batch.size(); i++) {
                // A slow provider must not outlast the claim, or another node would send the rest again: hand
                // back what is left while the claim still holds.
                if (Duration.between(claimed, Instant.now()).compareTo(properties.claimTimeout().dividedBy(2)) > 0) {
                    outbox.release(batch.subList(i, batch.size()).stream().map(OutboxEntry::id).toList());
                    break;
                }
                deliver(batch.get(i));
            }
        } while (batch.size() == properties.batchSize() && executor != null && !executor.isShutdown());
    }

    /** Emails are not claimed without an SMTP server: they wait, attempts untouched, until one is configured. */
    private Set<NotificationChannel> deliverableChannels() {
        Set<NotificationChannel> channels = EnumSet.of(NotificationChannel.SMS);
        if (mail.configured()) {
            channels.add(NotificationChannel.EMAIL);
        }
        return channels;
    }

    private void deliver(OutboxEntry entry) {
        try {
            switch (entry.channel()) {
                case EMAIL -> mail.send(entry.id(), entry.address(), entry.subject(), entry.body());
                case SMS -> sms.send(entry.address(), entry.body(), Long.toString(entry.id()));
                case IN_APP -> {
                    // Delivered when written; never claimed.
                }
            }
        } catch (UndeliverableException e) {
            outbox.giveUp(entry.id(), e.getMessage());
            log.warn("Notification {} cannot be delivered: {}", entry.id(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            String error = reason(e);
            if (entry.attempts() >= properties.maxAttempts()) {
                outbox.giveUp(entry.id(), error);
                log.warn("Notification {} given up after {} attempts: {}", entry.id(), entry.attempts(), error);
            } else {
                outbox.retryLater(entry.id(), error, properties.backoffAfter(entry.attempts()));
                log.info("Notification {} attempt {} failed, will retry: {}", entry.id(), entry.attempts(), error);
            }
            return;
        }
        outbox.markSent(entry.id());
    }

    /** The outermost message and the root cause's, which usually names what is down. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return root == e || outer.contains(String.valueOf(root.getMessage())) ? outer : outer + " (" + root + ")";
    }

    @Override
    public void start() {
        ScheduledExecutorService started =
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("notification-delivery"));
        long poll = properties.pollInterval().toMillis();
        started.scheduleWithFixedDelay(this::run, poll, poll, TimeUnit.MILLISECONDS);
        executor = started;
        nudge();
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                    running.shutdownNow();
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
