/**
 * Partner-specific pseudonyms for a resident: a stable token per partner and UIN that no two partners can join on and
 * no partner can turn back into the UIN. Nothing here stores or logs a UIN.
 */
package org.civis.auth.pseudonym;
