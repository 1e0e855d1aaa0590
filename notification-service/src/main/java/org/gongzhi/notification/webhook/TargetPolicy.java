package org.gongzhi.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.gongzhi.platform.problem.ProblemException;

/**
 * Which URLs a webhook may target: http(s) only, and not an address inside our network (loopback, private,
 * link-local, multicast, unspecified, carrier-grade NAT, NAT64) unless configuration allows it. Resolving the name
 * blocks: call it off the event loop.
 */
@ApplicationScoped
public class TargetPolicy {
    private final WebhookConfig config;
    private final HostNames names;

    TargetPolicy(WebhookConfig config, HostNames names) {
        this.config = config;
        this.names = names;
    }

    /**
     * At registration and on re-enabling: a refused target is a 400 naming {@code url} that says only "is not an
     * allowed target" — never whether or where its name resolves, which would let a caller map our network.
     */
    public URI check(String url) {
        URI uri = parse(url);
        if (refusal(uri) != null) {
            throw ProblemException.invalid("url", NOT_ALLOWED);
        }
        return uri;
    }

    static final String NOT_ALLOWED = "is not an allowed target";

    /**
     * Where one send goes: the URL, and the address its name resolved to just now and was checked; the message is sent
     * to that address (with the name as Host and TLS server name), never to a second lookup of the name, so a name
     * re-pointed inside between the check and the connection (DNS rebinding) is not reached. {@code refusal} is why
     * it may not be sent to; {@code address} is null when the name does not resolve (a connection failure, retried).
     */
    public record Destination(URI uri, InetAddress address, String refusal) {
        public int port() {
            return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }

        public boolean tls() {
            return "https".equalsIgnoreCase(uri.getScheme());
        }
    }

    /** At each send: the name is resolved once, every address it has is checked, and the first is the one used. */
    public Destination atSend(String url) {
        URI uri;
        try {
            uri = parse(url);
        } catch (ProblemException e) {
            return new Destination(null, null, "the URL is no longer acceptable");
        }
        InetAddress[] addresses;
        try {
            addresses = names.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return new Destination(uri, null, null);
        }
        String refusal = refusal(uri, addresses);
        return new Destination(uri, refusal == null ? addresses[0] : null, refusal);
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

    private String refusal(URI uri) {
        try {
            return refusal(uri, names.resolve(uri.getHost()));
        } catch (UnknownHostException e) {
            return "the host " + uri.getHost() + " does not resolve";
        }
    }

    private String refusal(URI uri, InetAddress[] addresses) {
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
