package org.civis.verifier.cli;

/** A usage or input-file mistake: reported on stderr, exit status 2, no verification output. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
