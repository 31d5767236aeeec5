package org.udjat.poll;

/**
 * What a transport brought back from running a script on a host.
 *
 * @param reached    true when the script was started on the host; false when the host could not be
 *                   reached (refused, timeout, authentication, host key), with the reason
 * @param reason     why the host was not reached or the run was cut short, fit for an operator
 *                   at 3 am (e.g. {@code connection refused by 10.0.0.5:22}); empty otherwise
 * @param stdout     everything the script printed on stdout, possibly partial
 * @param completed  true when the script ran to its end; false when cut off by the exec timeout
 *                   or the deadline (then {@code stdout} holds what arrived before)
 * @param exitStatus the script's exit status, or -1 when unknown
 */
public record Execution(boolean reached, String reason, byte[] stdout, boolean completed, int exitStatus) {

    public Execution {
        reason = reason == null ? "" : reason;
        stdout = stdout == null ? new byte[0] : stdout;
    }

    /** The host could not be reached. */
    public static Execution unreachable(String reason) {
        return new Execution(false, reason, new byte[0], false, -1);
    }
}
