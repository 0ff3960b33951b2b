/**
 * The record of every authentication, e-KYC and OTP request: written (group-committed) before its
 * answer goes out ({@link org.civis.auth.transaction.CommittedRecords}), unique per partner, kind and
 * {@link org.civis.auth.transaction.TransactionId}, and read back at start into the replay memory. A
 * resident's own history is read from here too.
 */
package org.civis.auth.transaction;
