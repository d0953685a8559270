package io.kefu.search.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Closes the {@link Embedder} when the process is asked to stop (TERM, INT, HUP), before the JVM's own handling of
 * the signal starts the shutdown, and then hands the signal on to it. The order matters because the shutdown runs
 * ONNX Runtime's hook, which releases its native environment under any embedding still running and crashes the
 * JVM (a crash report, exit code 134, the database left running until the next start). JVM shutdown hooks run all
 * at once, so one of ours could not go first; a signal handler does.
 */
@Component
class StopSignals {

    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);
    private static final List<String> STOPPING = List.of("TERM", "INT", "HUP");

    StopSignals() {
        STOPPING.forEach(StopSignals::closeEmbedderFirstOn);
    }

    private static void closeEmbedderFirstOn(String name) {
        try {
            Signal signal = new Signal(name);
            CloseEmbedderFirst handler = new CloseEmbedderFirst();
            SignalHandler jvms = Signal.handle(signal, handler);
            if (jvms == SignalHandler.SIG_IGN || jvms == SignalHandler.SIG_DFL) {
                Signal.handle(signal, jvms); // ignored (nohup), or not the JVM's to handle: left as it was
            } else {
                handler.jvms = jvms;
            }
        } catch (IllegalArgumentException notHandled) {
            // the JVM runs with -Xrs, or the platform has no such signal
            log.debug("Signal {} left to the JVM", name, notHandled);
        }
    }

    private static final class CloseEmbedderFirst implements SignalHandler {

        private volatile SignalHandler jvms;

        @Override
        public void handle(Signal signal) {
            try {
                Embedder.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (jvms != null) {
                jvms.handle(signal);
            } else {
                System.exit(128 + signal.getNumber()); // as the JVM's handler does
            }
        }
    }
}
