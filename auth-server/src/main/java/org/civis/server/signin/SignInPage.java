package org.civis.server.signin;

import java.util.List;
import org.civis.server.web.PageFrame;

/**
 * What the sign-in templates show: the frame, the form's CSRF token, the client's name, and for
 * each page its own part. Every value is text; the templates escape it.
 *
 * @param problem the message of a refused answer, or {@code null}
 * @param claims the claims to release, in words, for the consent page
 * @param maskedContacts where the code went, for the code page
 */
public record SignInPage(
        PageFrame frame,
        String csrf,
        String clientName,
        String problem,
        List<String> claims,
        List<String> maskedContacts) {

    public SignInPage {
        claims = List.copyOf(claims);
        maskedContacts = List.copyOf(maskedContacts);
    }

    public boolean hasProblem() {
        return problem != null;
    }

    /** {@code aria-invalid} of the page's field: said out loud by screen readers. */
    public String invalid() {
        return hasProblem() ? "true" : "false";
    }

    /** {@code aria-describedby} of the page's field: its hint, then the problem when there is one. */
    public String describedBy(String hintId) {
        return hasProblem() ? hintId + " problem" : hintId;
    }

    @Override
    public String toString() { // the CSRF token is a secret
        return "SignInPage[" + clientName + "]";
    }
}
