/**
 * Page plumbing shared by every server-rendered page (the OpenID sign-in pages, the resident
 * portal): the precompiled templates and their renderer, the UI texts in the ID schema's
 * languages, security headers, cookies, form bodies and the static assets. No page's logic lives
 * here, and nothing here knows about OpenID Connect.
 */
package org.civis.server.web;
