package com.venuedesk.server.customers;

/** What staff enter for a customer. */
public record CustomerDraft(String name, String email, String phone, String notes) { }
