package org.gridmend.security;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic on {@code /engine-rest} as Camunda does it, but a 401 carries no {@code WWW-Authenticate} challenge, so
 * that a browser never shows its login dialog and caches the credentials for cross-site requests. API clients send
 * Basic credentials without being asked.
 */
public class EngineRestBasicAuthentication extends HttpBasicAuthenticationProvider {

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // no challenge: see the class comment
    }
}
