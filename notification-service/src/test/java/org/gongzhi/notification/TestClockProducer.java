package org.gongzhi.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.gongzhi.devstack.TestClock;

/** Replaces the platform's default clock in every test with one a test can move forward. */
@ApplicationScoped
class TestClockProducer {
    @Produces
    @ApplicationScoped
    Clock clock() {
        return new TestClock();
    }
}
