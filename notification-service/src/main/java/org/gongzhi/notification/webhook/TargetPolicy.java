package org.gongzhi.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.gongzhi.platform.problem.ProblemException;

/**
 * Which URLs a webhook may target: http(s) only, and not an address inside our network (loopback, private,
 * link-local, multicast, unspecified) unless configuration allows it. Resolving the name blocks: call it off the
 * event loop.
 */
@ApplicationScoped
public class TargetPolicy {
    private final WebhookConfig config;

    TargetPolicy(WebhookConfig config) {
        this.config = config;
    }

    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw ProblemException.invalid("url", "is not a URL");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http")
                || uri.getScheme().equalsIgnoreCase("https"))) {
            throw ProblemException.invalid("url", "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank() || uri.getUserInfo() != null) {
            throw ProblemException.invalid("url", "must name a host (and no user info)");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw ProblemException.invalid("url", "the host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() && !config.allowLoopback()) {
                throw ProblemException.invalid("url", "must not point at a loopback address");
            }
            boolean inside = address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress()
                    || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc);
            if (inside && !config.allowPrivateTargets()) {
                throw ProblemException.invalid("url", "must not point at a private or internal address");
            }
        }
        return uri;
    }
}
