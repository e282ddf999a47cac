package com.venuedesk.desk.history;

/**
 * One line of a booking's history as the dialog shows it, in the user's language and the venue's time zone.
 *
 * @param when       date and time, venue's zone
 * @param who        the clerk (with the account that pushed it, when another)
 * @param what       what happened, in words
 * @param why        the reason given, or empty
 * @param where      the device: "this desk", another desk, or empty when unknown
 * @param notYetSent a change of this desk still waiting in its outbox
 */
public record HistoryLine(String when, String who, String what, String why, String where, boolean notYetSent) { }
