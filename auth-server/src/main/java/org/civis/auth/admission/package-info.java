/**
 * Admission of partner requests: API key, partner, rate, signature, parse, time window and replay, listed in
 * {@link org.civis.auth.admission.Admission#admit}. Its result is a value: an
 * {@link org.civis.auth.admission.AdmittedRequest} or a {@link org.civis.auth.admission.PartnerRefusal}. No decisions on
 * the identity here, and no Vert.x Web.
 */
package org.civis.auth.admission;
