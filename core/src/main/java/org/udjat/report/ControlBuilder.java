package org.udjat.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.udjat.dispatch.control.Ack;
import org.udjat.dispatch.control.AckStore;
import org.udjat.dispatch.control.Controls;
import org.udjat.dispatch.control.Downtime;
import org.udjat.dispatch.control.DowntimeStore;
import org.udjat.report.view.ControlView;

/** Builds what the report shows of duty, acks and downtimes; every text from the files is user text, made safe. */
final class ControlBuilder {
    private final ReportModel model;

    ControlBuilder(ReportModel model) {
        this.model = model;
    }

    /** The block of the overview. */
    ControlView overview() {
        Controls controls = model.controls();
        List<ControlView.AckLine> acks = AckStore.active(controls.acks(), model.now()).stream().map(this::ack).toList();
        List<Downtime> downtimes = new ArrayList<>(DowntimeStore.active(controls.downtimes(), model.now()));
        downtimes.sort(Comparator.comparing(Downtime::from));
        List<Downtime> scheduled = new ArrayList<>(DowntimeStore.scheduled(controls.downtimes(), model.now()));
        scheduled.sort(Comparator.comparing(Downtime::from));
        downtimes.addAll(scheduled);
        return new ControlView(controls.duty().map(d -> Texts.line(d.name())).orElse(""),
                controls.duty().map(d -> model.times().format(d.since())).orElse(""),
                model.config().notifications().escalation().stream().map(Texts::line).toList(), acks,
                downtimes.stream().map(this::downtime).toList());
    }

    /** What the page of a host (check null) or a check says about it. */
    ControlView.Marks marks(String host, String check) {
        Controls controls = model.controls();
        String subject = check == null ? host : host + "/" + check;
        Downtime downtime = controls.downtimeOf(host, check, model.now()).orElse(null);
        Ack ack = controls.ackOf(subject, model.now()).orElse(null);
        if (downtime == null && ack == null) {
            return ControlView.Marks.NONE;
        }
        return new ControlView.Marks(downtime == null ? "" : model.times().format(downtime.until()),
                downtime == null ? "" : Texts.line(downtime.comment(), Rows.SUMMARY),
                ack == null ? "" : Texts.line(ack.by()), ack == null ? "" : model.times().format(ack.until()),
                ack == null ? "" : Texts.line(ack.comment(), Rows.SUMMARY));
    }

    private ControlView.AckLine ack(Ack a) {
        List<ControlView.Subject> subjects = a.subjects().stream().map(s -> {
            int slash = s.indexOf('/');
            String href = slash < 0 ? model.href(s, null) : model.href(s.substring(0, slash), s.substring(slash + 1));
            return new ControlView.Subject(Texts.line(s), href);
        }).toList();
        return new ControlView.AckLine(Texts.line(a.id()), subjects, Texts.line(a.by()), model.times().format(a.at()),
                model.times().format(a.until()), Durations.human(Duration.between(model.now(), a.until())),
                Texts.line(a.comment(), Rows.SUMMARY));
    }

    private ControlView.DowntimeLine downtime(Downtime d) {
        String what = d.check() == null ? d.host() + " and its checks" : d.subject();
        return new ControlView.DowntimeLine(Texts.line(d.id()), Texts.line(what), model.href(d.host(), d.check()),
                !model.now().isBefore(d.from()), model.times().format(d.from()), model.times().format(d.until()),
                Texts.line(d.by()), Texts.line(d.comment(), Rows.SUMMARY));
    }
}
