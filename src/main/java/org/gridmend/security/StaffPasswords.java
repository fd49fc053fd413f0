package org.gridmend.security;

import java.util.UUID;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;

/**
 * Camunda's identity provider with one change: a password is checked against the stored hash without the lock-out
 * bookkeeping (a write to the user's row on every failure and every success, and a lock after
 * {@code login-max-attempts}), and an unknown user id is checked against a random password's hash, so that it costs
 * the same one read and one hash as a known one: neither the answer nor its timing tells which ids exist, and no
 * number of failures locks anyone. Every password check goes through it: GridMend's API, {@code /engine-rest},
 * the webapps' login. Failures are throttled before any check, per address and user ({@link SignInThrottle}).
 */
public class StaffPasswords extends DbIdentityServiceProvider {

    /** A salt and the hash of a random password, per JVM: the work an unknown user costs. */
    private static volatile String[] dummy;

    /** The engine's identity provider factory with this provider. */
    public static SessionFactory factory() {
        return new GenericManagerFactory(StaffPasswords.class);
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || password == null) {
            return false;
        }
        UserEntity user = findUserById(userId);
        if (user == null || user.getPassword() == null) {
            matchPassword(password, unknown());
            return false;
        }
        return matchPassword(password, user);
    }

    private static UserEntity unknown() {
        String[] known = dummy;
        if (known == null) {
            ProcessEngineConfigurationImpl config = Context.getProcessEngineConfiguration();
            String salt = config.getSaltGenerator().generateSalt();
            known = new String[] {
                salt,
                config.getPasswordManager()
                        .encrypt(EncryptionUtil.saltPassword(UUID.randomUUID().toString(), salt))
            };
            dummy = known;
        }
        UserEntity nobody = new UserEntity();
        nobody.setSalt(known[0]);
        nobody.setDbPassword(known[1]);
        return nobody;
    }
}
