package org.gongzhi.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a webhook target's host name (blocking: call it off the event loop); the one place names are looked up. */
@ApplicationScoped
public class HostNames {
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
