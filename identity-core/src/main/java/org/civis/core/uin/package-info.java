/**
 * Generation of UINs and VIDs: random draws, the Verhoeff check digit, and the rules that keep
 * numbers hard to guess and easy to read back.
 *
 * <p>Nothing here touches storage; making a number unique is the registry's job (it retries on a
 * primary-key conflict). Value types for the numbers themselves live in {@code org.civis.core.id}.
 */
package org.civis.core.uin;
