/**
 * The record of every authentication, e-KYC and OTP request: written (group-committed) before its
 * answer goes out, unique per partner, kind and transaction id, and read back at start into the
 * replay memory. A resident's own history is read from here too.
 */
package org.civis.auth.transaction;
