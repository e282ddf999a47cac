package com.venuedesk.desk.calendar;

/** The calendar's layouts: one day, a week, a month, or one column per resource for a day. */
public enum CalendarMode {
    DAY, WEEK, MONTH, RESOURCES
}
