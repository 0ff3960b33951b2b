/**
 * The auth view of each identity in the cluster cache: status, locks, VIDs and sealed match data,
 * loaded from PostgreSQL on a miss and refreshed by the registry after each relevant change; and
 * {@link org.civis.auth.view.IdentityResolver}, which finds the identity a UIN or VID names and says
 * whether it may be authenticated now.
 */
package org.civis.auth.view;
