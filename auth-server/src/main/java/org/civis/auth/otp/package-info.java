/**
 * One-time passwords: requested by a partner or the resident portal ({@link org.civis.auth.otp.OtpRequests}),
 * issued to the resident's enrolled phone or email through a notification channel, kept in the cluster only as
 * HMAC digests ({@link org.civis.auth.otp.OtpCodes}), expiring, with a few attempts each, and rate limited per
 * identity.
 */
package org.civis.auth.otp;
