/**
 * The admin API (internal listener only): enrollment, adjudication, identity lifecycle, VIDs,
 * auth-type locks and the audit check. Handlers read and check the request, call one registry
 * service, and write its answer; the registry holds every rule.
 */
package org.civis.server.admin;
