/**
 * The signed answers partners receive: the server's JWS over each decision, refusal or OTP answer, and e-KYC
 * answers sealed to the partner's encryption key. What to answer is decided elsewhere; this package only writes it.
 */
package org.civis.auth.answer;
