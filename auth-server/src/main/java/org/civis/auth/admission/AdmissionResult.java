package org.civis.auth.admission;

/** What {@link Admission} made of a partner request: admitted, or refused with its failures. */
public sealed interface AdmissionResult permits AdmittedRequest, PartnerRefusal {}
