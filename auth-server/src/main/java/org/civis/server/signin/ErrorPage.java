package org.civis.server.signin;

import org.civis.server.web.PageFrame;

/** The page of a sign-in that cannot go on: what happened in words, and Civis's code for support. */
public record ErrorPage(PageFrame frame, String message, String reference) {}
