package org.safeguarding.backbone.chronology.webhook.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Outside the local profile a webhook is delivered only outside the backbone's own networks. */
class WebhookDestinationsTest {

    /** Names as a deployment's DNS might answer them (no lookups leave the test). */
    private static final Map<String, String> DNS = Map.of(
            "receiver.agency.example", "203.0.113.10",
            "localhost", "127.0.0.1",
            "metadata.example", "169.254.169.254",
            "intranet.example", "10.20.3.4",
            "partnership.example", "10.30.1.2",
            "sneaky.example", "::ffff:127.0.0.1",
            "ula.example", "fd12:3456::1",
            "cgnat.example", "100.64.1.1");

    private static WebhookDestinations destinations(boolean allowInternal, List<String> allowed) {
        WebhookSettings settings = new WebhookSettings(Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofHours(1), 10, Duration.ofSeconds(10), true, allowInternal, allowed);
        return new WebhookDestinations(settings, resolvingBy(DNS));
    }

    /** Resolves as {@code names} say, and an address literal as itself; any other name is unknown. */
    static WebhookDestinations.Resolver resolvingBy(Map<String, String> names) {
        return host -> {
            String address = names.get(host);
            if (address == null && !host.matches("[0-9a-fA-F:.]+")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address == null ? host : address)};
        };
    }

    @Test
    void anAddressInsideANetwork_isRefused_sayingWhichAndHowAnOperatorAllowsIt() {
        WebhookDestinations production = destinations(false, List.of());

        assertThat(production.refusal(URI.create("https://receiver.agency.example/hook"))).isEmpty();
        for (String inside : List.of("https://127.0.0.1/hook", "https://localhost/hook", "https://[::1]/hook",
                "https://metadata.example/latest/meta-data", "https://intranet.example/hook",
                "https://sneaky.example/hook", "https://ula.example/hook", "https://cgnat.example/hook",
                "https://0.0.0.0/hook", "https://192.168.1.1/hook", "https://172.16.0.1/hook")) {
            assertThat(production.refusal(URI.create(inside))).as(inside).hasValueSatisfying(why ->
                    assertThat(why).contains("inside a network", "backbone.webhooks.allowed-networks"));
        }
        assertThat(production.refusal(URI.create("https://metadata.example/x")).orElseThrow())
                .contains("metadata.example is 169.254.169.254");
        assertThat(production.refusal(URI.create("https://nowhere.example/hook")))
                .hasValue("its host nowhere.example cannot be resolved");
    }

    @Test
    void aNetworkAnOperatorAllows_takesDeliveries_andNoOther() {
        WebhookDestinations partnership = destinations(false, List.of("10.30.0.0/16", "172.17.0.5"));

        assertThat(partnership.refusal(URI.create("https://partnership.example/hook"))).isEmpty();
        assertThat(partnership.refusal(URI.create("https://172.17.0.5/hook"))).isEmpty();
        assertThat(partnership.refusal(URI.create("https://172.17.0.6/hook"))).isPresent();
        assertThat(partnership.refusal(URI.create("https://intranet.example/hook"))).as("10.20, not 10.30")
                .isPresent();
    }

    @Test
    void theLocalProfile_deliversToThisMachine() {
        assertThat(destinations(true, List.of()).refusal(URI.create("http://127.0.0.1:8099/hook"))).isEmpty();
    }

    @Test
    void aNetworkThatIsNone_stopsTheServiceFromStarting_sayingWhichSetting() {
        assertThatThrownBy(() -> destinations(false, List.of("partnership-network")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backbone.webhooks.allowed-networks: 'partnership-network' is not a network");
        assertThatThrownBy(() -> destinations(false, List.of("10.0.0.0/33")))
                .hasMessageContaining("prefix length outside 0 to 32");
        assertThat(WebhookDestinations.Network.parse("10.0.0.0/8").contains(address("10.255.0.1"))).isTrue();
        assertThat(WebhookDestinations.Network.parse("10.0.0.0/9").contains(address("10.128.0.1"))).isFalse();
        assertThat(WebhookDestinations.Network.parse("fd00::/8").contains(address("fd12::1"))).isTrue();
        assertThat(WebhookDestinations.Network.parse("fd00::/8").contains(address("10.0.0.1"))).isFalse();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
