package org.gongzhi.devstack;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Replaces the platform's default clock in every test of a service with one a test can move forward
 * ({@link TestClock}): devstack is a test-scoped dependency, so production never sees this bean.
 */
@ApplicationScoped
public class TestClockProducer {
    @Produces
    @ApplicationScoped
    Clock clock() {
        return new TestClock();
    }
}
