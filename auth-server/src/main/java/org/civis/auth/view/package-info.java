/**
 * The auth view of each identity in the cluster cache: status, locks, VIDs and sealed match data,
 * loaded from PostgreSQL on a miss and refreshed by the registry after each relevant change.
 */
package org.civis.auth.view;
