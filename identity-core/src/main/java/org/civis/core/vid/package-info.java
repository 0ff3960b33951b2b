/**
 * Virtual IDs: revocable aliases of a UIN that a resident gives to relying parties instead of the
 * UIN itself. Perpetual, temporary (expiry, optional use limit) or one-time.
 */
package org.civis.core.vid;
