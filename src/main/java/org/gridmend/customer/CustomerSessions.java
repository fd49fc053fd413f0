package org.gridmend.customer;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.gridmend.core.Refusal;
import org.springframework.stereotype.Component;

/** The signed-in customer of a request: {@code Authorization: Bearer gmc_…} from {@code POST /api/customer/session}. */
@Component
public class CustomerSessions {

    private final CustomerAccountService accounts;

    CustomerSessions(CustomerAccountService accounts) {
        this.accounts = accounts;
    }

    static String token(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.startsWith("Bearer gmc_")
                ? authorization.substring(7).trim()
                : null;
    }

    /** The customer of this request; empty without a token. A token that is wrong or expired is answered 401. */
    public Optional<CustomerSession> current(HttpServletRequest request) {
        String token = token(request);
        if (token == null) {
            return Optional.empty();
        }
        return Optional.of(accounts.session(token)
                .orElseThrow(() -> new Refusal(
                        Refusal.Kind.UNAUTHENTICATED,
                        "SESSION_EXPIRED",
                        "the customer session is unknown or expired: sign in again",
                        null)));
    }
}
