/**
 * The record of every authentication, e-KYC and OTP request: queued on the request path, written
 * to PostgreSQL in batches by a timer, flushed completely on a clean shutdown.
 */
package org.civis.auth.transaction;
