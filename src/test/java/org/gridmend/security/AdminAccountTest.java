package org.gridmend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Outside the demo profile GridMend refuses to start without a real first administrator. */
class AdminAccountTest {

    private static StaffIdentitySetup start(String profile, String user, String password) {
        MockEnvironment environment = new MockEnvironment();
        if (profile != null) {
            environment.setActiveProfiles(profile);
        }
        return new StaffIdentitySetup(
                mock(IdentityService.class),
                mock(AuthorizationService.class),
                new AdminAccountProperties(user, password),
                environment);
    }

    @Test
    void refusesToStartWithoutAnAdministrator() {
        assertThatThrownBy(() -> start("mysql", null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GRIDMEND_ADMIN_USER is not set");
        assertThatThrownBy(() -> start(null, "root", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GRIDMEND_ADMIN_PASSWORD is not set");
    }

    @Test
    void refusesADemoOrWeakPassword() {
        assertThatThrownBy(() -> start("mysql", "root", "demo")).hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> start("mysql", "root", "passwordpassword")).hasMessageContaining("demo or well-known");
        assertThatThrownBy(() -> start("mysql", "operator1234", "Operator1234"))
                .hasMessageContaining("demo or well-known");
    }

    @Test
    void refusesAUserIdCamundaWouldReject() {
        assertThatThrownBy(() -> start("mysql", "ops-admin", "a-Long-passw0rd"))
                .hasMessageContaining("letters and digits");
    }

    @Test
    void startsWithARealAdministrator() {
        assertThat(start("mysql", "opsadmin", "kT9#long-and-unique")).isNotNull();
    }

    @Test
    void theDemoProfileNeedsNone() {
        assertThat(start("demo", null, null)).isNotNull();
    }
}
