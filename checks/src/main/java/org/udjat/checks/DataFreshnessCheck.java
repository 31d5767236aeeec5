package org.udjat.checks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Shell;
import org.udjat.api.Status;
import org.udjat.api.Text;
import org.udjat.api.Thresholds;

/**
 * {@code data-freshness}: picks a random device that the gateway declares online and checks that
 * its latest data is recent, to catch orders or readings that no longer reach the devices while
 * their connections look fine. One command on the gateway host prints the online list
 * ({@code online_from}, as {@code device-online} reads it) and then, for up to
 * {@code candidates} devices of that list, what {@code data_from} (a command, file or URL with a
 * {@code {device}} placeholder) prints for each: the time of its latest data. The window of
 * candidates starts at a different place of the list each second, so every device gets its
 * turn; here the list is read properly, only candidates it declares online count, and one is
 * picked at random, seeded by the cycle's time, so a cycle's choice can be reproduced. The age
 * is measured on the host's clock, which is the one the gateway stamps data with. Stateless.
 */
@Extension
public final class DataFreshnessCheck implements Check {
    static final String DATA_FROM = "data_from";
    static final String MAX_AGE = "max_age";
    static final String WARN_AGE = "warn_age";
    static final String CANDIDATES = "candidates";
    static final String TIME_FIELD = "time_field";
    static final int DEFAULT_CANDIDATES = 5;
    private static final int MAX_CANDIDATES = 20;
    /** Device ids the remote loop hands to the data source: safe in a URL, a path and a shell word. */
    static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");
    private static final Pattern EPOCH = Pattern.compile("[0-9]{1,13}(\\.[0-9]{1,9})?");

    @Override
    public String name() {
        return "data-freshness";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(DeviceOnlineCheck.ONLINE_FROM, DeviceOnlineCheck.FORMAT, DeviceOnlineCheck.ADDRESS_FIELD,
                DeviceOnlineCheck.ID_FIELD, DATA_FROM, MAX_AGE, WARN_AGE, CANDIDATES, TIME_FIELD);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>(DeviceSource.problems(options, DeviceOnlineCheck.ONLINE_FROM, false));
        problems.addAll(DeviceOnlineCheck.formatProblems(options));
        problems.addAll(DeviceSource.problems(options, DATA_FROM, true));
        if (!options.has(MAX_AGE)) {
            problems.add(new ConfigProblem(MAX_AGE, "missing; give the age past which data is stale, e.g. max_age: 15min"));
        }
        problems.addAll(ages(options).problems());
        options.string(CANDIDATES).filter(c -> !c.matches("[0-9]{1,2}") || Integer.parseInt(c) < 1 || Integer.parseInt(c) > MAX_CANDIDATES)
                .ifPresent(c -> problems.add(new ConfigProblem(CANDIDATES, "expected a number from 1 to " + MAX_CANDIDATES + ", got \""
                        + Text.printable(c) + "\"")));
        options.string(TIME_FIELD).filter(v -> v.isEmpty() || v.length() > 64 || v.codePoints().anyMatch(Character::isISOControl))
                .ifPresent(v -> problems.add(new ConfigProblem(TIME_FIELD, "expected a JSON field name, got \"" + Text.printable(v) + "\"")));
        return problems;
    }

    private record Ages(Thresholds thresholds, List<ConfigProblem> problems) {
    }

    /** max_age is the critical bound and warn_age the warning one, as {@code ~:max} ranges on the age. */
    private static Ages ages(Settings options) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        options.string(MAX_AGE).ifPresent(v -> m.put(Thresholds.CRIT, "~:" + v.strip()));
        options.string(WARN_AGE).ifPresent(v -> m.put(Thresholds.WARN, "~:" + v.strip()));
        Settings t = Settings.of(m);
        List<ConfigProblem> problems = Thresholds.validate(t, NetOptions.DURATIONS).stream()
                .map(p -> new ConfigProblem(p.key().equals(Thresholds.CRIT) ? MAX_AGE : WARN_AGE,
                        p.message().replace("\"~:", "\"").replace("a range like \"4\", \"10:20\" or ", "")))
                .toList();
        return new Ages(problems.isEmpty() ? Thresholds.read(t, NetOptions.DURATIONS) : Thresholds.NONE, problems);
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        List<ConfigProblem> problems = validate(options);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).key() + ": " + problems.get(0).message());
        }
        DeviceSource online = DeviceSource.read(options, DeviceOnlineCheck.ONLINE_FROM, false);
        DeviceSource data = DeviceSource.read(options, DATA_FROM, true);
        boolean json = options.string(DeviceOnlineCheck.FORMAT, DeclaredDevice.JSON).equals(DeclaredDevice.JSON);
        int n = Integer.parseInt(options.string(CANDIDATES, String.valueOf(DEFAULT_CANDIDATES)));
        String idField = Shell.quote(options.string(DeviceOnlineCheck.ID_FIELD, "id"));
        return Optional.of("t=$(date +%s); echo \"$t\"\n"
                + "echo " + DeviceReport.ONLINE + "\n"
                + "f=$(mktemp) || { echo; echo '" + DeviceReport.ONLINE + "-exit 3'; exit 3; }\n"
                + "trap 'rm -f \"$f\"' EXIT\n"
                + online.fetch(platform) + " >\"$f\" 2>&1; r=$?\n"
                + "cat \"$f\"; echo; echo \"" + DeviceReport.ONLINE + "-exit $r\"\n"
                + "[ \"$r\" -eq 0 ] || exit 0\n"
                + (json ? jsonIds(idField) : linesIds())
                // only ids that are safe as a URL part, a path part and a shell argument are asked about
                + "set --; for d in $c; do case $d in *[!A-Za-z0-9._:@-]*) ;; *) set -- \"$@\" \"$d\";; esac; done\n"
                + "set +f; [ $# -gt 0 ] || exit 0\n"
                + "s=$((t % $#)); j=0; m=0\n"
                + "for d in \"$@\" \"$@\"; do\n"
                + "  j=$((j + 1)); [ $j -gt $s ] || continue\n"
                + "  [ $m -lt " + n + " ] && [ $m -lt $# ] || break\n"
                + "  m=$((m + 1))\n"
                + "  echo \"" + DeviceReport.DATA + " $d\"\n"
                + "  " + data.fetchFor(platform, "$d") + " 2>&1; r=$?\n"
                + "  echo; echo \"" + DeviceReport.DATA + "-exit $r\"\n"
                + "done\n");
    }

    /** lines: the first word of each line; comments and blank lines give nothing. */
    private static String linesIds() {
        return "c=; while read -r d x; do case $d in ''|'#'*) ;; *) c=\"$c $d\";; esac; done <\"$f\"\nset -f\n";
    }

    /**
     * json, with sh alone: split at double quotes, so every second piece is a string; a string
     * after the id field's name and a piece of only spaces and a colon is an id. When there is
     * none (a list of strings), every string is a candidate. The poller reads the list properly
     * and ignores anything else this picks up. IFS is unset afterwards rather than restored: udjat's
     * script runs every command with IFS unset, and a saved unset IFS would come back as an empty one,
     * which splits nothing.
     */
    private static String jsonIds(String idField) {
        return "k=" + idField + "; w=$(printf ' \\t\\n\\r:'); set -f; IFS='\"'; set -- $(cat \"$f\"); unset IFS\n"
                + "i=0; c=; a=; key=; want=\n"
                + "for x in \"$@\"; do\n"
                + "  i=$((i + 1))\n"
                + "  if [ $((i % 2)) -eq 0 ]; then\n"
                + "    case $x in *[!A-Za-z0-9._:@-]*|'') ok= ;; *) ok=1; a=\"$a $x\";; esac\n"
                + "    if [ -n \"$want\" ]; then [ -z \"$ok\" ] || c=\"$c $x\"; want=; elif [ \"$x\" = \"$k\" ]; then key=1; fi\n"
                + "  else\n"
                + "    if [ -n \"$key\" ]; then case $x in *[!$w]*) ;; *) want=1;; esac; fi; key=\n"
                + "  fi\n"
                + "done\n"
                + "[ -n \"$c\" ] || c=$a\n";
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        List<ConfigProblem> problems = validate(options);
        if (!problems.isEmpty()) {
            return CheckOutcome.unknown("DATA-FRESHNESS UNKNOWN - bad options: " + problems.get(0).key() + ": "
                    + problems.get(0).message(), "");
        }
        DeviceReport report = DeviceReport.parse(output.text());
        DeviceSource source = DeviceSource.read(options, DeviceOnlineCheck.ONLINE_FROM, false);
        Optional<List<DeclaredDevice>> declared = DeviceOnlineCheck.declared(report, options);
        if (declared.isEmpty()) {
            return unknown(DeviceOnlineCheck.onlineProblem(report, source, options), output);
        }
        if (report.hostTime().isEmpty()) {
            return unknown("could not read the host's time from date +%s", output);
        }
        Set<String> ids = new java.util.HashSet<>(declared.get().stream().map(DeclaredDevice::id).toList());
        List<DeviceReport.Block> candidates = report.data().stream().filter(b -> ids.contains(b.id())).toList();
        if (candidates.isEmpty()) {
            String why = declared.get().isEmpty() ? "no device is declared online, so none can be checked"
                    : "no data was read for any of the " + declared.get().size() + " devices declared online"
                    + (output.truncated() ? " (the output was cut by the output cap)" : "");
            return unknown(why, output);
        }
        long seed = output.pollStarted() != null ? output.pollStarted().getEpochSecond() : report.hostTime().getAsLong();
        List<DeviceReport.Block> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, new Random(seed));
        return judge(shuffled.get(0), candidates, declared.get().size(), report.hostTime().getAsLong(), options, output);
    }

    private static CheckOutcome judge(DeviceReport.Block picked, List<DeviceReport.Block> candidates, int online, long hostTime,
            Settings options, RawOutput output) {
        String id = Text.printable(picked.id());
        if (picked.exit().isEmpty()) {
            return unknown("the latest data of " + id + " was cut off by the output cap or the timeout", output);
        }
        String said = picked.text().strip().lines().findFirst().map(Text::printable).orElse("");
        if (picked.exit().get() != 0) {
            return unknown("could not read the latest data of " + id + ": exit " + picked.exit().get()
                    + (said.isEmpty() ? "" : ": " + said), output);
        }
        Optional<Instant> time = time(picked.text(), options.string(TIME_FIELD, "time"));
        if (time.isEmpty()) {
            return unknown("the latest data of " + id + " is not a time (seconds since the epoch or ISO-8601): "
                    + (said.length() > 80 ? said.substring(0, 80) + "..." : said), output);
        }
        Thresholds limits = ages(options).thresholds();
        double age = hostTime - time.get().getEpochSecond();
        double shownAge = Math.max(0, age);
        Status status = limits.evaluate(shownAge);
        String when = age < 0 ? "dated " + Elapsed.of(-age) + " in the future" : Elapsed.of(age) + " old";
        String limit = switch (status) {
            case CRITICAL -> " (max_age " + options.string(MAX_AGE, "") + ")";
            case WARNING -> " (warn_age " + options.string(WARN_AGE, "") + ")";
            default -> "";
        };
        String summary = "DATA-FRESHNESS " + status + " - latest data of " + id + " is " + when + limit
                + " (picked at random among " + candidates.size() + " of " + online + " online)";
        StringBuilder longOutput = new StringBuilder("latest data of " + id + ": " + time.get() + ", host time "
                + Instant.ofEpochSecond(hostTime));
        for (DeviceReport.Block b : candidates) {
            if (b != picked) {
                longOutput.append("\nalso read: ").append(Text.printable(b.id())).append(": ")
                        .append(b.exit().filter(e -> e == 0).flatMap(e -> time(b.text(), options.string(TIME_FIELD, "time")))
                                .map(t -> Elapsed.of(Math.max(0, hostTime - t.getEpochSecond())) + " old").orElse("unreadable"));
            }
        }
        List<PerfDatum> perf = List.of(new PerfDatum("age", shownAge, "s", limits.warnRange(), limits.critRange(), 0.0, null));
        return new CheckOutcome(status, summary, longOutput.toString(), perf);
    }

    /**
     * A time as a data source prints it: seconds since the epoch (milliseconds when the number is
     * that large), an ISO-8601 instant, or a JSON object holding either under the time field.
     */
    static Optional<Instant> time(String text, String field) {
        String t = text.strip();
        if (t.startsWith("{")) {
            Optional<Object> json = MiniJson.parse(t);
            if (json.isEmpty() || !(json.get() instanceof Map<?, ?> m)) {
                return Optional.empty();
            }
            Object v = m.get(field);
            t = v instanceof String s ? s : v instanceof MiniJson.Num n ? n.text() : "";
        }
        if (EPOCH.matcher(t).matches()) {
            double v = Double.parseDouble(t);
            return Optional.of(Instant.ofEpochMilli((long) (v >= 1e11 ? v : v * 1000)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static CheckOutcome unknown(String why, RawOutput output) {
        return CheckOutcome.unknown("DATA-FRESHNESS UNKNOWN - " + why, output.text());
    }
}
