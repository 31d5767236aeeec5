package org.udjat.config;

import java.util.List;
import java.util.Set;

/**
 * One entry of {@code routes:}: which changes go to which channels, for whom. Every condition
 * that is given must match; an empty condition matches everything. Every matching route applies.
 *
 * @param severities states that match ({@code CRITICAL}, {@code WARNING}, {@code UNKNOWN}, {@code DOWN},
 *                   {@code UNREACHABLE}, {@code UNSTABLE}); a recovery matches by the state it recovered from
 * @param hosts      host name patterns ({@code db*}, {@code ?} and {@code *} wildcards)
 * @param checks     check name patterns; a host's own change matches a route with checks only when
 *                   it lists {@code host}
 * @param tags       the host must have at least one of these tags
 * @param channels   the channels to send to
 * @param contacts   the contacts told on channels that address people; empty for every contact
 */
public record RouteSpec(Set<String> severities, List<String> hosts, List<String> checks, Set<String> tags,
                        List<String> channels, List<String> contacts) {
    public RouteSpec {
        severities = Set.copyOf(severities);
        hosts = List.copyOf(hosts);
        checks = List.copyOf(checks);
        tags = Set.copyOf(tags);
        channels = List.copyOf(channels);
        contacts = List.copyOf(contacts);
    }
}
