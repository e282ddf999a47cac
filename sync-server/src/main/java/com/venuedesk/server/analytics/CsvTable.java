package com.venuedesk.server.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A report as RFC 4180 CSV for a spreadsheet. A cell that a spreadsheet would run as a formula (one that starts with
 * {@code = + - @}, a tab or a carriage return: a resource named {@code =HYPERLINK(...)}) is defused by a leading
 * apostrophe, as OWASP advises, so it shows as the text it is.
 */
public final class CsvTable<T> {
    private final List<String> headers = new ArrayList<>();
    private final List<Function<T, Object>> columns = new ArrayList<>();

    public CsvTable<T> column(String header, Function<T, Object> value) {
        headers.add(header);
        columns.add(value);
        return this;
    }

    public String write(List<T> rows) {
        StringBuilder out = new StringBuilder();
        line(out, new ArrayList<>(headers));
        for (T row : rows) {
            List<Object> cells = new ArrayList<>(columns.size());
            for (Function<T, Object> column : columns) {
                cells.add(column.apply(row));
            }
            line(out, cells);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One cell, defused and quoted as needed. */
    public static String cell(Object value) {
        String text = value == null ? "" : Objects.toString(value);
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
