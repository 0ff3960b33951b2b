/**
 * The admin API (internal listener only): enrollment, adjudication, identity lifecycle, VIDs,
 * auth-type locks, QR credentials and cards, issuer key rotation, and the audit check. Handlers
 * read and check the request, call one service (the registry's, the partners', the issuance's),
 * and write its answer; the services hold every rule.
 */
package org.civis.server.admin;
