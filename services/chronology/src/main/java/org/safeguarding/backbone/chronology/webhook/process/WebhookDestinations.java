package org.safeguarding.backbone.chronology.webhook.process;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a webhook may be delivered. An agency names the URL, and the chronology service calls it from inside the
 * backbone's network, so outside the local profile a URL whose host is (or resolves to) an address inside a network
 * (this machine, a private or link-local network, a cloud's metadata address) is refused: otherwise an agency's
 * registration could make the backbone call its own services and read from the delivery log how they answered. A
 * deployment whose agencies' receivers are on a private network (a partnership's, or the health network) lists those
 * networks in {@code backbone.webhooks.allowed-networks}.
 *
 * <p>Checked when the webhook is registered and again before each attempt, since a name may resolve differently
 * later; the HTTP client resolves the name once more as it connects, so a name made to change between the two within
 * seconds is not caught here (a deployment's egress rules are the last line).
 */
public final class WebhookDestinations {

    /** Names a host's addresses; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowInternal;
    private final List<Network> allowed;
    private final Resolver resolver;

    WebhookDestinations(WebhookSettings settings) {
        this(settings, InetAddress::getAllByName);
    }

    WebhookDestinations(WebhookSettings settings, Resolver resolver) {
        this.allowInternal = settings.allowInternalAddresses();
        this.allowed = settings.allowedNetworks().stream().map(Network::parse).toList();
        this.resolver = resolver;
    }

    /** Why a webhook may not be delivered to {@code url}'s host, in words for the agency; empty when it may. */
    Optional<String> refusal(URI url) {
        if (allowInternal) {
            return Optional.empty();
        }
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("its host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (internal(address) && allowed.stream().noneMatch(network -> network.contains(address))) {
                return Optional.of("its host " + host + " is " + address.getHostAddress() + ", an address inside "
                        + "a network (this machine, a private or link-local network): webhooks are delivered only "
                        + "to addresses outside it, unless an operator allows that network "
                        + "(backbone.webhooks.allowed-networks)");
            }
        }
        return Optional.empty();
    }

    /** An address not on the public internet: this machine, a private, shared or link-local network, multicast. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0.0.0.0/8 ("this network") and 100.64.0.0/10 (carrier-grade NAT, shared address space)
            return first == 0 || (first == 100 && second >= 64 && second < 128);
        }
        // fc00::/7, IPv6 unique local addresses (site-local's successor)
        return (bytes[0] & 0xfe) == 0xfc;
    }

    /** A network given as CIDR ({@code 10.20.0.0/16}, {@code fd12:3456::/48}), or one address. */
    record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            String[] parts = cidr.trim().split("/", 2);
            InetAddress address;
            try {
                if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                    throw new UnknownHostException(parts[0]);
                }
                address = InetAddress.getByName(parts[0]);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("backbone.webhooks.allowed-networks: '" + cidr + "' is not a "
                        + "network (an address, or an address and prefix length such as 10.20.0.0/16)");
            }
            int max = address.getAddress().length * 8;
            int bits;
            try {
                bits = parts.length == 1 ? max : Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("backbone.webhooks.allowed-networks: '" + cidr + "' has a prefix "
                        + "length outside 0 to " + max);
            }
            return new Network(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(Arrays.copyOf(bytes, whole), Arrays.copyOf(prefix, whole))) {
                return false;
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (bytes[whole] & mask) == (prefix[whole] & mask);
        }
    }
}
