package org.civis.auth.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.civis.auth.keys.TestKeys;
import org.civis.auth.partner.PartnerId;
import org.civis.core.id.Uin;
import org.junit.jupiter.api.Test;

class PseudonymousTokensTest {

    private static final PartnerId BANK_A = new PartnerId("bank-a");
    private static final PartnerId BANK_B = new PartnerId("bank-b");
    private static final Uin AMARA = new Uin("2749503865");
    private static final Uin CHIDI = new Uin("5995707374");

    private final SecretKey key = TestKeys.SERVER.tokenKey();
    private final PseudonymousTokens tokens = new PseudonymousTokens(key);

    @Test
    void theSamePartnerAndUinAlwaysGiveTheSameToken() {
        String first = tokens.tokenFor(BANK_A, AMARA);

        assertThat(new PseudonymousTokens(key).tokenFor(BANK_A, AMARA)).isEqualTo(first);
        assertThat(tokens.tokenFor(BANK_A, new Uin("2749503865"))).isEqualTo(first);
    }

    @Test
    void differentPartnersGetDifferentTokensForTheSameResident() {
        assertThat(tokens.tokenFor(BANK_A, AMARA)).isNotEqualTo(tokens.tokenFor(BANK_B, AMARA));
    }

    @Test
    void differentResidentsGetDifferentTokensAtTheSamePartner() {
        assertThat(tokens.tokenFor(BANK_A, AMARA)).isNotEqualTo(tokens.tokenFor(BANK_A, CHIDI));
    }

    @Test
    void theTokenIsUnpaddedBase64urlOfTheHmacOverPartnerNulUin() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        byte[] expected = mac.doFinal("bank-a\u00002749503865".getBytes(StandardCharsets.UTF_8));

        String token = tokens.tokenFor(BANK_A, AMARA);

        assertThat(token)
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(expected))
                .hasSize(43)
                .matches("[A-Za-z0-9_-]+")
                .doesNotContain("2749503865");
    }

    @Test
    void anotherKeyGivesUnrelatedTokens() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("HmacSHA256");
        generator.init(256);

        assertThat(new PseudonymousTokens(generator.generateKey()).tokenFor(BANK_A, AMARA))
                .isNotEqualTo(tokens.tokenFor(BANK_A, AMARA));
    }
}
