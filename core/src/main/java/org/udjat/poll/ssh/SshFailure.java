package org.udjat.poll.ssh;

/** A host could not be polled over SSH, for a reason fit for the operator; carries no stack trace. */
public final class SshFailure extends Exception {

    /** @param reason the whole operator-facing reason, host prefix included */
    public SshFailure(String reason) {
        super(reason, null, false, false);
    }
}
