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
 * {@code -}. Frames come in the order of the ids, in batches: the first finished frame at
 * once, later ones within about a second of their check's end (one {@code cat} a second at
 * most), the rest at the end; so a cut-off exec still delivers all but the last second's.
 * The output is cut to the cap plus at most one 512-byte block by {@code ulimit -f}.
 * A check is killed between its timeout and about a second after it.
 */
final class ScriptText {

    /** Bytes per block of {@code ulimit -f}, as POSIX specifies it. */
    static final int BLOCK = 512;

    /**
     * Picks the clock once: {@code /proc/uptime} read with a builtin (hundredths), else
     * {@code date +%s}, else the watchdog's own count of its one-second naps. {@code udjat_now}
     * sets {@code udjat_t} (the time printed in frames, empty when unknown) and {@code udjat_n}
     * (an integer in {@code udjat_hz} units a second, for deadlines). A clock in whole units
     * gets one unit more on every deadline ({@code udjat_g}) so no check is cut before its time.
     */
    private static final String CLOCK = """
            udjat_up() {
              udjat_t= udjat_n=0
              read udjat_t udjat_y 2>/dev/null </proc/uptime
              case $udjat_t in
              *.*.* | *[!0-9.]*) udjat_t= ;;
              [0-9]*.[0-9][0-9]) udjat_n=$((${udjat_t%.*} * 100 + 1${udjat_t#*.} - 100)) ;;
              *) udjat_t= ;;
              esac
            }
            udjat_date() {
              udjat_t=$(date +%s 2>/dev/null) udjat_n=0
              case $udjat_t in '' | *[!0-9]*) udjat_t= ;; *) udjat_n=$udjat_t ;; esac
            }
            udjat_ticks() {
              udjat_t= udjat_n=0
              read udjat_n 2>/dev/null <"$udjat_d/z"
              case $udjat_n in '' | *[!0-9]*) udjat_n=0 ;; esac
            }
            udjat_clock=up udjat_hz=100 udjat_g=0
            udjat_up
            if [ -z "$udjat_t" ]; then
              udjat_clock=date udjat_hz=1 udjat_g=1
              udjat_date
              [ -n "$udjat_t" ] || udjat_clock=ticks
            fi
            udjat_now() { udjat_$udjat_clock; }
            """;

    /**
     * The one watchdog of the script, started with the first check: a loop that naps one
     * second at a time and on each wake-up (1) kills what is left of a tree it sent TERM a
     * second ago, (2) prints the frames finished meanwhile, once the main shell has handed
     * printing over (file {@code f} exists), and (3) when the current check (the last
     * {@code s} line of the log, with its pid and deadline) is past its deadline and not done
     * (no {@code e} line for it yet, so stale state never kills anything), marks it timed out
     * ({@code t.<id>}), stops its whole tree, sends TERM and CONT. A TERM from the main shell
     * at the end kills the nap's {@code sleep} and the pending tree and ends the loop after the
     * current wake-up; it also ends when the main shell or the temp dir is gone. Quick checks
     * thus cost it two forks in all.
     */
    private static final String WATCHDOG = """
            udjat_kids() {
              if command -v pgrep >/dev/null 2>&1; then pgrep -P "$1"
              else ps -A -o pid= -o ppid= 2>/dev/null | while read udjat_a udjat_b; do [ "$udjat_b" = "$1" ] && echo "$udjat_a"; done
              fi
            }
            udjat_tree() {
              kill -STOP "$1" 2>/dev/null || return 0
              udjat_pids="$udjat_pids $1"
              for udjat_c in $(udjat_kids "$1"); do udjat_tree "$udjat_c"; done
            }
            udjat_nap() {
              sleep 1 & udjat_w=$!
              [ -n "$udjat_x" ] && kill -KILL "$udjat_w" 2>/dev/null
              wait "$udjat_w"
              [ -z "$udjat_x" ]
            }
            udjat_watch() {
              udjat_x= udjat_w= udjat_pids= udjat_z=0
              trap 'udjat_x=1; kill -KILL $udjat_w $udjat_pids 2>/dev/null' TERM
              while udjat_nap; do
                [ -n "$udjat_pids" ] && kill -KILL $udjat_pids 2>/dev/null
                udjat_pids=
                kill -0 $$ 2>/dev/null && [ -d "$udjat_d" ] || exit 0
                udjat_z=$((udjat_z + 1))
                [ "$udjat_clock" = ticks ] && printf '%s\\n' "$udjat_z" >"$udjat_d/z"
                [ -e "$udjat_d/f" ] && udjat_flush
                udjat_q=
                while read udjat_y udjat_1 udjat_2 udjat_3 udjat_4; do
                  case $udjat_y in
                  s) udjat_q=$udjat_1 udjat_c=$udjat_2 udjat_e=$udjat_3 ;;
                  e) [ "$udjat_1" = "$udjat_q" ] && udjat_q= ;;
                  esac
                done 2>/dev/null <"$udjat_d/L"
                [ -n "$udjat_q" ] || continue
                udjat_now
                [ "$udjat_n" -ge "$udjat_e" ] 2>/dev/null || continue
                : >"$udjat_d/t.$udjat_q"
                udjat_tree "$udjat_c"
                kill -TERM $udjat_pids 2>/dev/null
                kill -CONT $udjat_pids 2>/dev/null
              done
              exit 0
            }
            """;

    /**
     * Prints every finished frame not printed yet with one {@code cat}, in id order. The main
     * shell appends to the log {@code L}, with builtins, {@code s <id> <pid> <deadline>} when
     * a check starts, {@code e <id> <rc> <start> <end> <flag>} when it ended and
     * {@code v <id>} for a check without a variant. File {@code f} holds the last printed id.
     * The token never rests in a file: the lines between two outputs are appended to the
     * earlier output file just before the {@code cat} and every printed file is emptied right
     * after it. Only one process ever runs this at a time: the main shell for the first frame
     * (so the first result leaves at once; that flush creates {@code f}, handing printing to
     * the watchdog) and again after the watchdog has ended.
     */
    private static final String FLUSH = """
            udjat_flush() {
              udjat_i=0
              read udjat_i 2>/dev/null <"$udjat_d/f"
              case $udjat_i in '' | *[!0-9]*) udjat_i=0 ;; esac
              udjat_j=$udjat_i udjat_a= udjat_b= udjat_h= udjat_w= udjat_l=
              while read udjat_y udjat_1 udjat_2 udjat_3 udjat_4 udjat_5; do
                case $udjat_y in e | v) ;; *) continue ;; esac
                [ "$udjat_1" -gt "$udjat_j" ] 2>/dev/null || continue
                udjat_j=$udjat_1
                if [ "$udjat_y" = v ]; then
                  udjat_b="$udjat_b$udjat_r V $udjat_1$udjat_nl"
                  continue
                fi
                udjat_b="$udjat_b$udjat_r B $udjat_1$udjat_nl"
                if [ -n "$udjat_w" ]; then printf '%s' "$udjat_b" >>"$udjat_d/o.$udjat_w"; else udjat_h=$udjat_b; fi
                udjat_a="$udjat_a \\"\\$udjat_d/o.$udjat_1\\"" udjat_l="$udjat_l $udjat_1" udjat_w=$udjat_1
                udjat_b="$udjat_nl$udjat_r E $udjat_1 $udjat_2 $udjat_3 $udjat_4 $udjat_5$udjat_nl"
              done 2>/dev/null <"$udjat_d/L"
              [ "$udjat_j" -gt "$udjat_i" ] || return 0
              if [ -n "$udjat_w" ]; then
                printf '%s' "$udjat_b" >>"$udjat_d/o.$udjat_w"
                printf '%s' "$udjat_h"
                eval "cat $udjat_a" 2>/dev/null
                for udjat_y in $udjat_l; do : >"$udjat_d/o.$udjat_y"; done
              else
                printf '%s' "$udjat_b"
              fi
              printf '%s\\n' "$udjat_j" >"$udjat_d/f"
            }
            udjat_ready() {
              [ -n "$udjat_go" ] && return 0
              udjat_flush
              udjat_go=1
            }
            """;

    /**
     * Sets up a sane environment, a temp dir cleaned on exit, the clock, the watchdog, the
     * flusher and {@code udjat_run}. The whole script is one brace group read to its end
     * before anything runs, with stdin from /dev/null, so no command can ever read the rest.
     *
     * <p>Each check costs one fork (the subshell that runs it with its output cap into
     * {@code o.<id>}, so an orphan it leaves cannot hold the channel) and one file created;
     * everything else per check is builtins and appends, since creating files is what costs on
     * a disk-backed /tmp. The token is never shown to checks: it is unset in their shells and
     * sits in a file only while a flush prints it.
     *
     * <p>The main shell deliberately does not trap TERM: a child forked with that handler
     * loses a TERM arriving before it resets its traps. On HUP, INT or PIPE it stops the
     * running check and the watchdog and waits for the watchdog, so the temp dir is removed
     * only when nothing writes to it any more.
     */
    static final String PRELUDE = """
            {
            set +e +u +x 2>/dev/null
            unset IFS CDPATH 2>/dev/null
            PATH="${PATH:-/usr/bin:/bin}:/usr/local/bin:/usr/sbin:/sbin"
            LC_ALL=C
            export PATH LC_ALL
            udjat_r=@TOKEN@
            udjat_d= udjat_p= udjat_k= udjat_t= udjat_n=0 udjat_s= udjat_go= udjat_platform= udjat_nl='\n'
            trap 'kill $udjat_p $udjat_k 2>/dev/null; [ -n "$udjat_k" ] && wait $udjat_k; [ -n "$udjat_d" ] && rm -rf "$udjat_d"' EXIT
            trap 'exit 129' HUP
            trap 'exit 130' INT
            trap 'exit 141' PIPE
            """ + CLOCK + WATCHDOG + FLUSH + """
            udjat_run() {
              [ -n "$udjat_k" ] || { udjat_watch 2>/dev/null </dev/null & udjat_k=$!; }
              udjat_now; udjat_s=$udjat_t
              ( ulimit -f "$3" 2>/dev/null; udjat_c=$4; unset udjat_r; set --; eval "$udjat_c" ) >"$udjat_d/o.$1" 2>&1 </dev/null &
              udjat_p=$!
              printf 's %s %s %s\\n' "$1" "$udjat_p" "$((udjat_n + $2 * udjat_hz + udjat_g))" >>"$udjat_d/L"
              wait "$udjat_p"; udjat_rc=$?
              udjat_now
              udjat_f=-
              [ -e "$udjat_d/t.$1" ] && udjat_f=T
              udjat_p=
              printf 'e %s %s %s %s %s\\n' "$1" "$udjat_rc" "${udjat_s:--}" "${udjat_t:--}" "$udjat_f" >>"$udjat_d/L"
              udjat_ready
            }
            udjat_none() {
              printf 'v %s\\n' "$1" >>"$udjat_d/L"
              udjat_ready
            }
            udjat_end() {
              if [ -n "$udjat_k" ]; then kill "$udjat_k" 2>/dev/null; wait "$udjat_k"; udjat_k=; fi
              udjat_flush
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

    /** Ends the watchdog, prints the frames still pending, then the end marker. */
    static final String EPILOGUE = """
            udjat_end
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
