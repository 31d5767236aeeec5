package org.udjat.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.udjat.api.Contact;
import org.udjat.api.Notice;
import org.udjat.api.Notifier;
import org.udjat.config.ChannelSpec;
import org.udjat.config.NotifySettings;
import org.udjat.dispatch.Outgoing;
import org.udjat.dispatch.notify.NotifyPolicy;

/**
 * Messages about udjat itself ({@link Notice.Kind#NOTICE}): one notice addressed the way each
 * channel wants it, to the room of a channel that addresses a room, to each contact with a usable
 * address on one that addresses people. Used by the cycle for crashes and overruns (low-urgency
 * channels only) and by {@code udjat watchdog} (every channel, paging ones with {@code PAGE} urgency).
 */
public final class HealthNotices {

    private final NotifySettings settings;
    private final Map<String, Notifier> notifiers;

    /**
     * @param settings  the channels and contacts
     * @param notifiers the loaded notifiers by type, asked whether a channel addresses people
     */
    public HealthNotices(NotifySettings settings, Map<String, Notifier> notifiers) {
        this.settings = settings;
        this.notifiers = Map.copyOf(notifiers);
    }

    /**
     * The messages of one notice.
     *
     * @param notice  the notice, without recipient; its urgency is set per channel
     * @param paging  whether the paging channels get it too ({@code PAGE} urgency), or only the low-urgency ones
     */
    public List<Outgoing> messages(Notice notice, boolean paging) {
        List<Outgoing> out = new ArrayList<>();
        Map<String, Boolean> people = NotifyPolicy.addressing(settings, notifiers);
        for (ChannelSpec channel : settings.channels().values()) {
            if (channel.pages() && !paging) {
                continue;
            }
            Notice.Urgency urgency = channel.pages() ? Notice.Urgency.PAGE : Notice.Urgency.LOW;
            Notice base = new Notice(notice.id(), notice.time(), notice.kind(), urgency, notice.severity(),
                    notice.subject(), notice.lines(), notice.items(), null, notice.reportUrl(), 0);
            if (!people.getOrDefault(channel.name(), true)) {
                out.add(new Outgoing(channel.name(), base));
                continue;
            }
            for (Contact c : settings.contacts().values()) {
                if (NotifyPolicy.reaches(c, channel)) {
                    out.add(new Outgoing(channel.name(), base.to(c, notice.id() + "-" + c.name())));
                }
            }
        }
        return List.copyOf(out);
    }

}
