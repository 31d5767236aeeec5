package org.udjat.dispatch.notify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.udjat.api.Contact;
import org.udjat.config.ChannelSpec;
import org.udjat.config.HostSpec;
import org.udjat.config.NotifySettings;
import org.udjat.config.RouteSpec;

/**
 * Decides where a problem goes: the low-urgency targets told of it, and the paging channels it is
 * paged on. Without routes: every low channel, urgent problems also paged on every page channel.
 * With routes: the union of every route that matches. Stateless apart from its arguments.
 */
final class Router {
    private final NotifySettings settings;
    private final Map<String, HostSpec> hosts;
    private final Predicate<String> addressesPeople;

    /** Where one problem goes. */
    record Targets(List<Told> low, List<String> pageChannels) {
    }

    Router(NotifySettings settings, Map<String, HostSpec> hosts, Predicate<String> addressesPeople) {
        this.settings = settings;
        this.hosts = hosts;
        this.addressesPeople = addressesPeople;
    }

    /** CRITICAL and DOWN wake people up; the rest can wait for the morning. */
    static boolean urgent(String state) {
        return state.equals("CRITICAL") || state.equals("DOWN");
    }

    Targets route(String host, String check, String state) {
        Set<Told> low = new LinkedHashSet<>();
        Set<String> pages = new LinkedHashSet<>();
        if (settings.routes().isEmpty()) {
            for (ChannelSpec c : settings.channels().values()) {
                if (!c.pages()) {
                    low.addAll(targets(c, List.of()));
                } else if (urgent(state)) {
                    pages.add(c.name());
                }
            }
        } else {
            for (RouteSpec r : settings.routes()) {
                if (!matches(r, host, check, state)) {
                    continue;
                }
                for (String name : r.channels()) {
                    ChannelSpec c = settings.channels().get(name);
                    if (c == null) {
                        continue;
                    }
                    if (c.pages()) {
                        pages.add(name);
                    } else {
                        low.addAll(targets(c, r.contacts()));
                    }
                }
            }
        }
        return new Targets(List.copyOf(low), List.copyOf(pages));
    }

    /** The room of a channel, or each contact (of {@code only}, when given) with an address it can use. */
    List<Told> targets(ChannelSpec channel, List<String> only) {
        if (!addressesPeople.test(channel.name())) {
            return List.of(new Told(channel.name(), null));
        }
        List<Told> told = new ArrayList<>();
        for (Contact c : settings.contacts().values()) {
            if ((only.isEmpty() || only.contains(c.name())) && reaches(c, channel)) {
                told.add(new Told(channel.name(), c.name()));
            }
        }
        return told;
    }

    /** The contact on a channel that addresses people; the channel's room on one that does not. */
    List<Told> person(String channel, String contact) {
        if (!addressesPeople.test(channel)) {
            return List.of(new Told(channel, null));
        }
        return List.of(new Told(channel, contact));
    }

    /**
     * Whether a contact has the address a channel needs: an email address for {@code email}, a phone
     * number for {@code sms}; other notifiers are trusted to find what they need (and reject the
     * message when they cannot).
     */
    static boolean reaches(Contact contact, ChannelSpec channel) {
        return switch (channel.type()) {
            case "email" -> contact.email() != null;
            case "sms" -> contact.phone() != null;
            default -> true;
        };
    }

    boolean matches(RouteSpec r, String host, String check, String state) {
        if (!r.severities().isEmpty() && !r.severities().contains(state)) {
            return false;
        }
        if (!r.hosts().isEmpty() && r.hosts().stream().noneMatch(p -> glob(p, host))) {
            return false;
        }
        if (!r.checks().isEmpty()) {
            boolean ok = check == null ? r.checks().contains("host") : r.checks().stream().anyMatch(p -> glob(p, check));
            if (!ok) {
                return false;
            }
        }
        if (!r.tags().isEmpty()) {
            HostSpec spec = hosts.get(host);
            return spec != null && spec.tags().stream().anyMatch(r.tags()::contains);
        }
        return true;
    }

    /** {@code *} any run of characters, {@code ?} one; everything else literal. */
    static boolean glob(String pattern, String name) {
        StringBuilder re = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            re.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
        }
        return name.matches(re.toString());
    }
}
