package org.gongzhi.request.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The lifecycle's statuses are the ones the events publish, by the same names. */
class RequestStatusTest {
    @Test
    void everyLifecycleStatusIsPublishedUnderItsOwnName() {
        for (RequestStatus status : RequestStatus.values()) {
            assertThat(status.published().wire()).isEqualTo(status.name());
            assertThat(status.published().hasEnded()).isEqualTo(!status.isOpen() && status != RequestStatus.RESOLVED);
        }
        assertThat(Arrays.stream(org.gongzhi.events.RequestStatus.values())
                .filter(s -> s != org.gongzhi.events.RequestStatus.UNKNOWN).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(RequestStatus.values()).map(Enum::name).toList());
    }
}
