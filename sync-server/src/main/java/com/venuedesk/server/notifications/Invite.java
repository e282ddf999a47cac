package com.venuedesk.server.notifications;

import java.time.Instant;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A booking as an iTIP (RFC 5546) message for the guest's calendar: {@code REQUEST} creates or replaces the entry,
 * {@code CANCEL} removes it. The UID is the booking's, so a client replaces or removes the same entry; the SEQUENCE is
 * the booking's revision, which grows with every change. Times are UTC ({@code ...Z}): no VTIMEZONE is needed, and
 * ical4j never looks up a time-zone definition (it is also told not to fetch any: {@code ical4j.properties}).
 */
public final class Invite {
    public static final String PRODUCT = "-//VenueDesk//Notifications 1.0//EN";

    /** The iTIP method, as in the VCALENDAR and in the MIME part's {@code method=} parameter. */
    public enum Method { REQUEST, CANCEL }

    private Invite() {
    }

    /** The UID of a booking's calendar entry, the same in every message about it. */
    public static String uid(UUID bookingId) {
        return "booking-" + bookingId + "@venuedesk";
    }

    /** The VCALENDAR text of one booking's invite. */
    public static String of(Method method, UUID bookingId, long sequence, Instant start, Instant end, String summary,
                            String location, String description, String organizerEmail, String organizerName,
                            String attendeeEmail, String attendeeName, Instant stamp) {
        VEvent event = new VEvent(start, end, summary);
        event.add(new Uid(uid(bookingId)));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, sequence)));
        event.add(new DtStamp(stamp));
        event.add(method == Method.CANCEL ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (location != null && !location.isBlank()) {
            event.add(new Location(location));
        }
        if (description != null && !description.isBlank()) {
            event.add(new Description(description));
        }
        if (organizerEmail != null) {
            Organizer organizer = new Organizer(java.net.URI.create("mailto:" + organizerEmail));
            organizer.add(new Cn(organizerName));
            event.add(organizer);
        }
        if (attendeeEmail != null) {
            Attendee attendee = new Attendee(java.net.URI.create("mailto:" + attendeeEmail));
            if (attendeeName != null) {
                attendee.add(new Cn(attendeeName));
            }
            attendee.add(Role.REQ_PARTICIPANT);
            attendee.add(PartStat.ACCEPTED);
            attendee.add(Rsvp.FALSE);
            event.add(attendee);
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method == Method.CANCEL ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(event);
        return calendar.toString();
    }
}
