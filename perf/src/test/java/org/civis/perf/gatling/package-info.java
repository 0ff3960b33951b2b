/**
 * Gatling simulations against a running Civis: signed demographic, OTP and fingerprint
 * authentication, e-KYC and enrollment, each followed by the same load on {@code GET /health/live}
 * as a baseline. They draw residents from a data directory seeded by {@code civis seed} and sign
 * as its partner {@code perf-bank}. Settings are system properties ({@link LoadSettings}).
 */
package org.civis.perf.gatling;
