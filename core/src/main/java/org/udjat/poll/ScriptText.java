package org.udjat.poll;

import java.time.Duration;

/**
 * The fixed parts of the batched script and the frame format it prints, in one place so the
 * writer and the reader agree.
 *
 * <p>Every frame line starts with the cycle's token {@code R} and a space, at the start of a line:
 * <pre>
 * R P &lt;platform key or unknown&gt; &lt;uname -s&gt;\n       platform probe (only when the platform was not known)
 * R X &lt;message&gt;\n                                   the script could not run any check (no temp dir)
 * R V &lt;id&gt;\n                                        check id has no variant for the probed platform
 * R B &lt;id&gt;\n&lt;output bytes&gt;\nR E &lt;id&gt; &lt;rc&gt; &lt;start&gt; &lt;end&gt; &lt;flag&gt;\n
 *                                                   one check's combined output and exit code
 * R Z\n                                              the script reached its end
 * </pre>
 * The newline before {@code R E} belongs to the trailer, not to the output. {@code start} and
 * {@code end} are seconds from {@code /proc/uptime} (two decimals) or {@code date +%s}, or
 * {@code -} when unknown; {@code flag} is {@code T} when the watchdog killed the check, else
 * {@code -}. Frames come in the order of the ids, each printed as soon as its check ended.
 * The output is cut to the cap plus at most one 512-byte block by {@code ulimit -f}.
 */
final class ScriptText {

    /** Bytes per block of {@code ulimit -f}, as POSIX specifies it. */
    static final int BLOCK = 512;

    /**
     * Sets up a sane environment, a temp dir cleaned on exit, the clock, and {@code udjat_run}.
     * The whole script is one brace group read to its end before anything runs, with stdin
     * from /dev/null, so no command can ever read the rest of the script.
     *
     * <p>The main shell deliberately does not trap TERM: a child forked with that handler
     * loses a TERM arriving before it resets its traps, which made the watchdog of a fast
     * check miss its kill and sleep out its whole timeout.
     */
    static final String PRELUDE = """
            {
            set +e +u +x 2>/dev/null
            unset IFS CDPATH 2>/dev/null
            PATH="${PATH:-/usr/bin:/bin}:/usr/local/bin:/usr/sbin:/sbin"
            LC_ALL=C
            export PATH LC_ALL
            udjat_r=@TOKEN@
            udjat_d= udjat_p= udjat_k= udjat_t= udjat_s= udjat_x= udjat_w= udjat_pids= udjat_platform=
            trap 'kill $udjat_p $udjat_k 2>/dev/null; [ -n "$udjat_d" ] && rm -rf "$udjat_d"' EXIT
            trap 'exit 129' HUP
            trap 'exit 130' INT
            trap 'exit 141' PIPE
            if [ -r /proc/uptime ]; then
              udjat_now() { udjat_t=; read udjat_t udjat_y </proc/uptime; }
            else
              udjat_now() { udjat_t=$(date +%s 2>/dev/null); }
            fi
            udjat_nap() {
              sleep "$1" & udjat_w=$!
              [ -n "$udjat_x" ] && kill -KILL "$udjat_w" 2>/dev/null
              wait "$udjat_w"
              [ -z "$udjat_x" ]
            }
            udjat_tree() {
              kill -STOP "$1" 2>/dev/null || return 0
              udjat_pids="$udjat_pids $1"
              for udjat_c in $(pgrep -P "$1" 2>/dev/null); do udjat_tree "$udjat_c"; done
            }
            udjat_watch() {
              udjat_x= udjat_w= udjat_pids=
              trap 'udjat_x=1; kill -KILL $udjat_w 2>/dev/null' TERM
              udjat_nap "$2" || exit 0
              [ -e "$udjat_d/d.$1" ] && exit 0
              : >"$udjat_d/t.$1"
              udjat_tree "$3"
              kill -TERM $udjat_pids 2>/dev/null
              kill -CONT $udjat_pids 2>/dev/null
              udjat_nap 1 || exit 0
              kill -KILL $udjat_pids 2>/dev/null
              exit 0
            }
            udjat_run() {
              udjat_now; udjat_s=$udjat_t
              ( ulimit -f "$3" 2>/dev/null; udjat_c=$4; unset udjat_r; set --; eval "$udjat_c" ) >"$udjat_d/o.$1" 2>&1 </dev/null &
              udjat_p=$!
              udjat_watch "$1" "$2" "$udjat_p" >/dev/null 2>&1 </dev/null &
              udjat_k=$!
              wait "$udjat_p"; udjat_rc=$?
              udjat_now
              udjat_f=-
              [ -e "$udjat_d/t.$1" ] && udjat_f=T
              : >"$udjat_d/d.$1"
              kill "$udjat_k" 2>/dev/null; wait "$udjat_k"
              udjat_p= udjat_k=
              printf '%s B %s\\n' "$udjat_r" "$1"
              cat "$udjat_d/o.$1"
              printf '\\n%s E %s %s %s %s %s\\n' "$udjat_r" "$1" "$udjat_rc" "${udjat_s:--}" "${udjat_t:--}" "$udjat_f"
              : >"$udjat_d/o.$1"
            }
            udjat_d=$(mktemp -d "${TMPDIR:-/tmp}/udjat.XXXXXX" 2>/dev/null) || udjat_d=
            if [ -z "$udjat_d" ] || [ ! -d "$udjat_d" ]; then
              udjat_d=/tmp/udjat.$$
              mkdir -m 700 "$udjat_d" 2>/dev/null || { udjat_d=; printf '%s X cannot create a temporary directory in /tmp\\n' "$udjat_r"; exit 0; }
            fi
            """;

    /**
     * Detects the platform with two cheap commands; a Linux whose {@code ls} is BusyBox counts
     * as busybox, one with GNU tools installed over BusyBox as linux, as its commands expect.
     */
    static final String PROBE = """
            udjat_u=$(uname -s 2>/dev/null) || udjat_u=
            case $udjat_u in
            Linux) udjat_platform=linux
              case $(ls --help 2>&1 | head -n 1) in *BusyBox*) udjat_platform=busybox;; esac;;
            FreeBSD) udjat_platform=freebsd;;
            OpenBSD) udjat_platform=openbsd;;
            Darwin) udjat_platform=macos;;
            *) udjat_platform=unknown;;
            esac
            printf '%s P %s %s\\n' "$udjat_r" "$udjat_platform" "$udjat_u"
            """;

    static final String EPILOGUE = """
            printf '%s Z\\n' "$udjat_r"
            exit 0
            } </dev/null
            """;

    private ScriptText() {
    }

    /** The text as one single-quoted shell word. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** Whole seconds, rounded up and at least 1, since POSIX sleep takes integers. */
    static long timeoutSeconds(Duration timeout) {
        long ms = timeout == null ? 0 : Math.max(0, timeout.toMillis());
        return Math.max(1, (ms + 999) / 1000);
    }

    /** The {@code ulimit -f} blocks that let one byte past the cap through, so a cut is told from a fit. */
    static long outputBlocks(int outputCap) {
        return Math.max(0, outputCap) / BLOCK + 1;
    }

    /** The reason for a check extension without a command for the platform. */
    static String noVariant(String check, String platform) {
        return "check " + check + " has no variant for platform " + platform;
    }
}
