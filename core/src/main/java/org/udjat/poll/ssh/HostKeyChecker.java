package org.udjat.poll.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSch's view of known_hosts for ONE session: judges the key the host presents, records it on
 * first use when allowed, and remembers the verdict so the caller can explain a refusal.
 *
 * <p>It is the only place that accepts a key: it never lets JSch add entries itself
 * ({@link #add} does nothing), so JSch's "ask"/"accept-new" paths cannot trust anything.
 * Use a new instance per session.
 */
public final class HostKeyChecker implements HostKeyRepository {

    private static final Logger LOG = LoggerFactory.getLogger(HostKeyChecker.class);

    private final HostLabel host;
    private final Path knownHosts;
    private final boolean trustOnFirstUse;
    private final KnownHostsRecorder recorder;
    private volatile HostKeyVerdict verdict;
    private volatile byte[] presentedKey;
    private volatile String problem;

    public HostKeyChecker(HostLabel host, Path knownHosts, boolean trustOnFirstUse, KnownHostsRecorder recorder) {
        this.host = host;
        this.knownHosts = knownHosts;
        this.trustOnFirstUse = trustOnFirstUse;
        this.recorder = recorder;
    }

    @Override
    public int check(String hostToken, byte[] key) {
        presentedKey = key.clone();
        try {
            HostKeyVerdict found = KnownHostsFile.read(knownHosts).check(hostToken, key);
            if (found == HostKeyVerdict.UNKNOWN && trustOnFirstUse) {
                found = recorder.recordIfUnknown(knownHosts, hostToken, key);
                if (found == HostKeyVerdict.RECORDED) {
                    LOG.info("{}trusted on first use: recorded its {} key {} in {}", host.prefix(),
                            KnownHostsRecorder.keyType(key), HostKeyMessages.fingerprint(key), knownHosts);
                }
            }
            verdict = found;
        } catch (IOException | RuntimeException e) {
            verdict = HostKeyVerdict.UNKNOWN;
            problem = host.prefix() + "cannot read or update " + knownHosts + ": " + e.getMessage()
                    + " — refusing to connect";
        }
        return switch (verdict) {
            case TRUSTED, RECORDED -> OK;
            case UNKNOWN -> NOT_INCLUDED;
            case CHANGED, REVOKED -> CHANGED;
        };
    }

    /** Why the host key was refused, or null when it was accepted or never presented. */
    public String refusal() {
        if (problem != null) {
            return problem;
        }
        HostKeyVerdict seen = verdict;
        return seen == null ? null : HostKeyMessages.refusal(host, seen, presentedKey, knownHosts);
    }

    /** Refuses: entries are only ever added by {@link KnownHostsRecorder}, never by JSch. */
    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        LOG.warn("{}ignored an attempt by JSch to add a host key on its own", host.prefix());
    }

    @Override
    public void remove(String host, String type) {
        // known_hosts is the operator's file; udjat never removes entries
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // see remove(String, String)
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHosts.toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return new HostKey[0];
    }

    /** The recorded keys of the host, so JSch asks for a key type known_hosts has (OpenSSH does the same). */
    @Override
    public HostKey[] getHostKey(String hostToken, String type) {
        List<HostKey> keys = new ArrayList<>();
        try {
            for (byte[] blob : KnownHostsFile.read(knownHosts).keysFor(hostToken)) {
                HostKey key = new HostKey(hostToken, blob);
                if (type == null || type.equals(key.getType())) {
                    keys.add(key);
                }
            }
        } catch (IOException | JSchException | RuntimeException e) {
            LOG.debug("{}cannot list recorded host keys: {}", host.prefix(), e.toString());
        }
        return keys.toArray(new HostKey[0]);
    }
}
