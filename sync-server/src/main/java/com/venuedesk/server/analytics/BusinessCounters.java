package com.venuedesk.server.analytics;

import com.venuedesk.model.sync.EntityType;
import com.venuedesk.model.sync.HistoryAction;
import com.venuedesk.server.consumers.LogConsumer;
import com.venuedesk.server.history.ChangeFeed;
import com.venuedesk.server.persistence.Database;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * The venue's business counters for IT's dashboards, kept by a consumer of the venue's history: bookings created and
 * cancelled by resource type, and the value of the bookings made, by resource type and currency. Each event is counted
 * in the transaction that moves the consumer's cursor past it, so exactly once whichever server instance reads it;
 * every instance shows the venue's totals from the database on {@code /metrics}.
 */
public final class BusinessCounters implements LogConsumer {
    public static final String NAME = "business-counters";
    static final String CREATED = "bookings_created";
    static final String CANCELLED = "bookings_cancelled";
    static final String BOOKED_VALUE = "booked_value";

    private final Database db;
    private final MeterRegistry meters;
    private final Map<String, BigDecimal> shown = new ConcurrentHashMap<>();

    public BusinessCounters(Database db, MeterRegistry meters) {
        this.db = db;
        this.meters = meters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void handle(Session session, ChangeFeed.Row event) throws SQLException {
        if (event.type() != EntityType.BOOKING
                || (event.action() != HistoryAction.CREATED && event.action() != HistoryAction.CANCELLED)) {
            return;
        }
        session.doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT r.resource_type, b.price_amount, b.price_currency FROM booking b"
                    + " JOIN resource r ON r.id = b.resource_id WHERE b.id = ?")) {
                s.setObject(1, event.entityId());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return;
                    }
                    String type = r.getString(1);
                    if (event.action() == HistoryAction.CANCELLED) {
                        add(c, CANCELLED, type, BigDecimal.ONE);
                        return;
                    }
                    add(c, CREATED, type, BigDecimal.ONE);
                    BigDecimal amount = r.getBigDecimal(2);
                    if (amount != null) {
                        add(c, BOOKED_VALUE, type + "|" + r.getString(3).strip(), amount);
                    }
                }
            }
        });
    }

    private static void add(Connection c, String counter, String label, BigDecimal amount) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE business_counter SET amount = amount + ? WHERE counter_name = ? AND label = ?")) {
            update.setBigDecimal(1, amount);
            update.setString(2, counter);
            update.setString(3, label);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        // only the instance holding this consumer's cursor lock writes here, so nobody inserts it meanwhile
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO business_counter (counter_name, label, amount) VALUES (?, ?, ?)")) {
            insert.setString(1, counter);
            insert.setString(2, label);
            insert.setBigDecimal(3, amount);
            insert.executeUpdate();
        }
    }

    /** The counters as stored now, keyed {@code counter/label}. */
    public Map<String, BigDecimal> read() {
        return db.inTransaction(session -> session.doReturningWork(c -> {
            Map<String, BigDecimal> all = new java.util.TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT counter_name, label, amount FROM business_counter");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.put(r.getString(1) + "/" + r.getString(2), r.getBigDecimal(3));
                }
            }
            return all;
        }));
    }

    /** After each round, in every instance: the stored counters into the meters {@code /metrics} shows. */
    @Override
    public void afterRound() {
        refreshMeters();
    }

    /** Reads the stored counters into the meters {@code /metrics} shows, registering the ones seen first now. */
    public void refreshMeters() {
        read().forEach((key, amount) -> {
            if (shown.put(key, amount) == null) {
                register(key);
            }
        });
    }

    private void register(String key) {
        String counter = key.substring(0, key.indexOf('/'));
        String label = key.substring(key.indexOf('/') + 1);
        FunctionCounter.Builder<Map<String, BigDecimal>> builder;
        switch (counter) {
            case CREATED -> builder = FunctionCounter.builder("venuedesk.bookings.made", shown,
                    m -> m.getOrDefault(key, BigDecimal.ZERO).doubleValue()).tag("resource_type", label)
                    .description("bookings made, by resource type (from the venue's history)");
            case CANCELLED -> builder = FunctionCounter.builder("venuedesk.bookings.cancelled", shown,
                    m -> m.getOrDefault(key, BigDecimal.ZERO).doubleValue()).tag("resource_type", label)
                    .description("bookings cancelled, by resource type (from the venue's history)");
            case BOOKED_VALUE -> {
                String[] parts = label.split("\\|", 2);
                builder = FunctionCounter.builder("venuedesk.bookings.value", shown,
                                m -> m.getOrDefault(key, BigDecimal.ZERO).doubleValue()).tag("resource_type", parts[0])
                        .tag("currency", parts.length > 1 ? parts[1] : "")
                        .description("quoted value of the bookings made, by resource type and currency");
            }
            default -> {
                return;
            }
        }
        builder.register(meters);
    }
}
