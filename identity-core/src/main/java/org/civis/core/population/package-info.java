/**
 * A synthetic population for load tests and demonstrations: resident {@code i} of seed {@code s}
 * is a pure function of the two (multilingual names, date of birth, gender, phone, e-mail and
 * fingerprint masters), so a seeded register can be rebuilt, resumed and authenticated against
 * without storing anyone's data. Never for enrollment or authentication decisions.
 */
package org.civis.core.population;
