package org.gongzhi.request;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What some classes of the service log at WARN and above while a test runs (the message and its parameters). */
final class Logged implements AutoCloseable {
    private final List<Logger> loggers;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                messages.add(record.getMessage() + " " + Arrays.toString(record.getParameters()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private Logged(List<Logger> loggers) {
        // held here: a logger nobody refers to may be collected, and its handler with it
        this.loggers = loggers;
        loggers.forEach(logger -> logger.addHandler(handler));
    }

    static Logged warningsOf(Class<?>... classes) {
        return new Logged(Arrays.stream(classes).map(c -> Logger.getLogger(c.getName())).toList());
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        loggers.forEach(logger -> logger.removeHandler(handler));
    }
}
