package com.venuedesk.server.notifications;

/** How a notification travels. */
public enum Channel { EMAIL, SMS }
