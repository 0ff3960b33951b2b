/**
 * One-time passwords: issued to the resident's enrolled phone or email through a notification
 * channel, kept in the cluster only as HMAC digests, expiring, with a few attempts each, and rate
 * limited per identity.
 */
package org.civis.auth.otp;
