package org.udjat.checks;

import java.util.OptionalLong;

/**
 * The mail queue as an MTA reported it.
 *
 * @param mta        who reported it, for people: {@code Postfix}, {@code Exim}, {@code OpenSMTPD},
 *                   {@code Sendmail}, {@code dma}, {@code nullmailer}, or {@code mailq} when only
 *                   "Mail queue is empty" said so
 * @param messages   messages in the queue
 * @param bytes      their size in bytes, when the MTA says it
 * @param lowerBound true when the listing was cut at the output cap, so there are at least
 *                   {@code messages}, maybe many more
 * @param detail     more for the long output (envelopes, queue directories), possibly empty
 */
record MailQueue(String mta, long messages, OptionalLong bytes, boolean lowerBound, String detail) {
}
