package org.civis.server.signin;

import java.util.Optional;
import org.civis.core.id.IndividualId;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;

/**
 * Reads the one field "UIN or VID" of the login page. Residents type numbers as printed, so spaces
 * and dashes are dropped; the configured lengths tell a UIN from a VID (the UIN wins if an
 * operator made them equal). A malformed number is refused here, before the flow, which reveals
 * nothing: no identity has been looked up.
 */
public record IdNumberInput(int uinLength, int vidLength) {

    public Optional<IndividualId> read(String typed) {
        String digits = typed.replace(" ", "").replace("-", "");
        if (digits.length() == uinLength && Uin.isWellFormed(digits)) {
            return Optional.of(new Uin(digits));
        }
        if (digits.length() == vidLength && Vid.isWellFormed(digits)) {
            return Optional.of(new Vid(digits));
        }
        return Optional.empty();
    }
}
