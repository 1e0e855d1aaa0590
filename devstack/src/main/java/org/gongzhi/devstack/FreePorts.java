package org.gongzhi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A port nobody listens on right now, and never one this JVM handed out before: a service is given its port seconds
 * before it binds it, and meanwhile the system may offer the same free port again (two services were once given the
 * same one and the second failed to start).
 */
final class FreePorts {
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    static int next() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = unbound();
            if (GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port left that was not handed out before");
    }

    private static int unbound() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
