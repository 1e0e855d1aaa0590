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

    /**
     * At registration and on re-enabling: a refused target is a 400 naming {@code url} that says only "is not an
     * allowed target" — never whether or where its name resolves, which would let a caller map our network.
     */
    public URI check(String url) {
        URI uri = parse(url);
        if (refusal(uri, false) != null) {
            throw ProblemException.invalid("url", NOT_ALLOWED);
        }
        return uri;
    }

    static final String NOT_ALLOWED = "is not an allowed target";

    /**
     * At each send: the name is resolved again, so one re-pointed at an address inside since registration (DNS
     * rebinding) is not reached. Null when the target may be sent to, else why not.
     */
    public String refusalAtSend(String url) {
        try {
            return refusal(parse(url), true);
        } catch (ProblemException e) {
            return "the URL is no longer acceptable";
        }
    }

    private static URI parse(String url) {
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
        return uri;
    }

    /** 100.64.0.0/10: shared address space behind a carrier's NAT, inside someone's network. */
    static boolean carrierGradeNat(byte[] a) {
        return a.length == 4 && (a[0] & 0xff) == 100 && (a[1] & 0xc0) == 64;
    }

    /** 64:ff9b::/96: an IPv4 address (possibly an internal one) reached through NAT64. */
    static boolean nat64(byte[] a) {
        if (a.length != 16 || a[0] != 0 || a[1] != 0x64 || (a[2] & 0xff) != 0xff || (a[3] & 0xff) != 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private String refusal(URI uri, boolean sending) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            // at send time a name that does not resolve is a connection failure like any other: retried
            return sending ? null : "the host " + uri.getHost() + " does not resolve";
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() && !config.allowLoopback()) {
                return "must not point at a loopback address (" + uri.getHost() + " resolves to "
                        + address.getHostAddress() + ")";
            }
            boolean inside = address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress()
                    || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc)
                    || carrierGradeNat(address.getAddress()) || nat64(address.getAddress());
            if (inside && !config.allowPrivateTargets()) {
                return "must not point at a private or internal address (" + uri.getHost() + " resolves to "
                        + address.getHostAddress() + ")";
            }
        }
        return null;
    }
}
