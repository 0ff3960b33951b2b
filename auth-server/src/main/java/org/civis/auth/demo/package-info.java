/**
 * Demographic matching: comparing the demographic factors a relying party sends (name, date of birth,
 * gender, contact details…) with a resident's enrolled record. Pure Java, so that the rules can be tested
 * without a server: {@link org.civis.auth.demo.MatchData} is the enrolled side, prepared once and cached
 * as bytes; {@link org.civis.auth.demo.DemographicMatcher} compares a request with it and reports one
 * {@link org.civis.auth.demo.DemoCode} per field, never the values, which are personal data.
 */
package org.civis.auth.demo;
