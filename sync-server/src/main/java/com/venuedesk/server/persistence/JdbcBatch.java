package com.venuedesk.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** One parameterised statement run for each of several items: on its own for one item, as one JDBC batch for more. */
public final class JdbcBatch {
    private JdbcBatch() {
    }

    /** Sets the statement's parameters for one item. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /** Runs {@code sql} once per item, in the connection's transaction and in the items' order. */
    public static <T> void executeForEach(Connection connection, String sql, List<T> items, Binder<T> binder)
            throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (items.size() == 1) {
                binder.bind(statement, items.get(0));
                statement.executeUpdate();
                return;
            }
            for (T item : items) {
                binder.bind(statement, item);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
