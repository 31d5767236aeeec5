package org.udjat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.udjat.dispatch.remedy.RemedyState;
import org.udjat.dispatch.remedy.RemedyStore;
import org.udjat.dispatch.remedy.Verdict;
import org.udjat.dispatch.remedy.VerdictStore;
import org.udjat.record.StateDir;
import org.udjat.report.PlainText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code udjat remediate list|approve|deny|reset}: the human side of remediation. The commands only read
 * {@code remediation.json} (the cycle's) and add verdicts to {@code remediation-decisions.json} under a
 * lock of their own, so they never wait for a cycle; the next cycle acts on them.
 */
@Command(name = "remediate", mixinStandardHelpOptions = true,
        description = "Remediation: list queued requests and recent actions, approve or deny a request, reset after a "
                + "corrupt remediation.json.",
        subcommands = {RemediateCommand.ListCommand.class, RemediateCommand.Approve.class, RemediateCommand.Deny.class,
            RemediateCommand.Reset.class})
final class RemediateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("udjat: remediate needs list, approve, deny or reset, e.g. udjat remediate "
                + "list -c udjat.yaml");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    static String who(Context context, String by) {
        return by != null ? by : context.env().getOrDefault("USER", System.getProperty("user.name", ""));
    }

    /** {@code restart orders on node3 (node3/orders, with restart-service)}. */
    static String what(RemedyState.Request r) {
        return PlainText.oneLine(r.target()) + " on " + r.host() + " (" + r.host() + "/" + r.check() + ", with "
                + r.with() + ")";
    }

    /** {@code udjat remediate list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List approval requests and the actions of the last 7 days with their outcome.")
    static final class ListCommand implements Callable<Integer> {
        private final Context context;

        @Mixin
        ConfigOptions options;

        ListCommand(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return ControlRun.run(context, options, (config, dir) -> {
                RemedyState state = new RemedyStore(dir).peek();
                PrintWriter out = context.out();
                if (state.blocked() != null) {
                    out.println("BLOCKED since " + ControlRun.time(state.blocked().since()) + ": "
                            + PlainText.oneLine(state.blocked().reason()));
                }
                if (state.requests().isEmpty() && state.actions().isEmpty()) {
                    out.println("no approval requests and no actions on record.");
                    return ExitCode.OK;
                }
                if (!state.requests().isEmpty()) {
                    out.printf("%-5s  %-8s  %-20s  %-12s  %s%n", "ID", "STATUS", "QUEUED", "BY", "ACTION");
                    for (RemedyState.Request r : state.requests()) {
                        out.printf("%-5s  %-8s  %-20s  %-12s  %s%n", r.id(), r.status(), ControlRun.time(r.at()),
                                r.by() == null ? "-" : PlainText.oneLine(r.by()), what(r));
                    }
                }
                if (!state.actions().isEmpty()) {
                    out.printf("%-5s  %-20s  %-16s  %-9s  %-9s  %s%n", "ID", "TIME", "CHECK", "DONE", "VERIFIED",
                            "WHAT");
                    for (RemedyState.Action a : state.actions()) {
                        out.printf("%-5s  %-20s  %-16s  %-9s  %-9s  %s%n", a.id(), ControlRun.time(a.at()),
                                a.host() + "/" + a.check(), a.done() ? "yes" : "FAILED",
                                a.verdict() == null ? "pending" : a.verdict(), a.with() + " " + PlainText.oneLine(a.target())
                                + (a.approvedBy() == null ? "" : ", approved by " + PlainText.oneLine(a.approvedBy()))
                                + ": " + PlainText.oneLine(a.summary()));
                    }
                }
                return ExitCode.OK;
            });
        }
    }

    /** What approve and deny share. */
    abstract static class Decide implements Callable<Integer> {
        private final Context context;

        @Mixin
        ConfigOptions options;

        @Parameters(paramLabel = "ID", description = "the request's id, as udjat remediate list shows it")
        String id;

        @Option(names = "--by", paramLabel = "NAME", description = "who decides (default: the user name)")
        String by;

        Decide(Context context) {
            this.context = context;
        }

        abstract Verdict.Kind kind();

        @Override
        public Integer call() {
            return ControlRun.run(context, options, (config, dir) -> {
                RemedyState.Request request = queued(dir);
                String who = who(context, by);
                new VerdictStore(dir).add(new Verdict(request.id(), kind(), who, context.clock().instant()));
                context.out().println(kind() == Verdict.Kind.APPROVE
                        ? "request " + request.id() + " approved by " + PlainText.oneLine(who) + ": " + what(request)
                        + ". The next cycle acts if the problem is still there and the limit allows."
                        : "request " + request.id() + " denied by " + PlainText.oneLine(who) + ": " + what(request)
                        + ". Nothing is done for this problem.");
                return ExitCode.OK;
            });
        }

        private RemedyState.Request queued(StateDir dir) throws IOException, ControlRun.UsageException {
            Optional<RemedyState.Request> found = new RemedyStore(dir).peek().requests().stream()
                    .filter(r -> r.id().equals(id)).findFirst();
            if (found.isEmpty()) {
                throw new ControlRun.UsageException("no approval request with id \"" + PlainText.oneLine(id)
                        + "\"; see udjat remediate list");
            }
            if (!found.get().status().equals("QUEUED")) {
                throw new ControlRun.UsageException("request " + id + " is " + found.get().status()
                        + (found.get().by() == null ? "" : " (by " + PlainText.oneLine(found.get().by()) + ")")
                        + ", no longer waiting for a decision");
            }
            List<Verdict> given = new VerdictStore(dir).read(new java.util.ArrayList<>());
            Optional<Verdict> earlier = given.stream().filter(v -> id.equals(v.request())).findFirst();
            if (earlier.isPresent()) {
                throw new ControlRun.UsageException("request " + id + " was already "
                        + (earlier.get().kind() == Verdict.Kind.APPROVE ? "approved" : "denied") + " by "
                        + PlainText.oneLine(earlier.get().by()) + " at " + ControlRun.time(earlier.get().at())
                        + "; the next cycle acts on it");
            }
            return found.get();
        }
    }

    /** {@code udjat remediate approve ID}. */
    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a queued request: the next cycle acts if the problem is still there and the limit allows.")
    static final class Approve extends Decide {
        Approve(Context context) {
            super(context);
        }

        @Override
        Verdict.Kind kind() {
            return Verdict.Kind.APPROVE;
        }
    }

    /** {@code udjat remediate deny ID}. */
    @Command(name = "deny", mixinStandardHelpOptions = true,
            description = "Deny a queued request: nothing is done for this problem.")
    static final class Deny extends Decide {
        Deny(Context context) {
            super(context);
        }

        @Override
        Verdict.Kind kind() {
            return Verdict.Kind.DENY;
        }
    }

    /** {@code udjat remediate reset}. */
    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "After remediation.json was found unreadable and set aside: let automatic remediation resume, "
                    + "with the limits counting from now.")
    static final class Reset implements Callable<Integer> {
        private final Context context;

        @Mixin
        ConfigOptions options;

        @Option(names = "--by", paramLabel = "NAME", description = "who has looked (default: the user name)")
        String by;

        Reset(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return ControlRun.run(context, options, (config, dir) -> {
                RemedyState state = new RemedyStore(dir).peek();
                if (state.blocked() == null) {
                    throw new ControlRun.UsageException("remediation is not blocked; nothing to reset");
                }
                String who = who(context, by);
                new VerdictStore(dir).add(new Verdict(null, Verdict.Kind.RESET, who, context.clock().instant()));
                context.out().println("reset by " + PlainText.oneLine(who) + ": the next cycle resumes remediation, "
                        + "with the limits counting from then.");
                return ExitCode.OK;
            });
        }
    }
}
