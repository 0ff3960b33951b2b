/**
 * The biometric factor of authentication: fingerprints compared 1:1 with SourceAFIS through the
 * registry's worker pool, and a service interface through which an integrator adds face or iris
 * matching from a vendor SDK.
 */
package org.civis.auth.bio;
