/**
 * Auth-type locks: a resident (or operator) switches off demographic, OTP or biometric
 * authentication for their identity, optionally opening a locked type again for a while.
 */
package org.civis.core.lock;
