/**
 * HTTP plumbing shared by the APIs: the error catalogue and its JSON form, strict request-body
 * reading, health endpoints, the client address behind a request. No business logic lives here.
 */
package org.civis.server.http;
