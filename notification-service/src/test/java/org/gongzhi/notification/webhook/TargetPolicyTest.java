package org.gongzhi.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import org.gongzhi.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Registration refuses targets inside a network and says only that they are not allowed, never why or where. */
class TargetPolicyTest {
    private final TargetPolicy policy = new TargetPolicy((WebhookConfig) Proxy.newProxyInstance(
            WebhookConfig.class.getClassLoader(), new Class<?>[] {WebhookConfig.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "allowPrivateTargets", "allowLoopback" -> false;
                default -> throw new UnsupportedOperationException(method.getName());
            }), new HostNames());

    @Test
    void internalTargetsAreRefusedInTheSameWordsWhateverTheReason() {
        for (String url : new String[] {"http://10.1.2.3/hook", "http://127.0.0.1/hook", "http://169.254.169.254/",
                "http://100.64.0.1/hook", "http://100.127.255.254/hook", "http://[64:ff9b::a00:1]/hook",
                "http://[fd00::1]/hook", "http://name.invalid/hook"}) {
            assertThatThrownBy(() -> policy.check(url)).as(url).isInstanceOf(ProblemException.class)
                    .hasMessage("url: is not an allowed target");
        }
    }

    @Test
    void publicAddressesNextToTheInternalRangesAreAllowed() {
        assertThat(policy.check("https://100.128.0.1/hook")).hasHost("100.128.0.1");
        assertThat(policy.check("https://100.63.255.255/hook")).hasHost("100.63.255.255");
        assertThat(policy.check("https://[64:ff9c::1]/hook").getHost()).isEqualTo("[64:ff9c::1]");
    }
}
