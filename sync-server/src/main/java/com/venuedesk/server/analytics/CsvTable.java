package com.venuedesk.server.analytics;

import com.venuedesk.model.rules.CsvCells;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A report as RFC 4180 CSV for a spreadsheet; each cell is written by the shared {@link CsvCells} rule, so a cell a
 * spreadsheet would run as a formula is defused exactly as in the desk's exports.
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
            out.append(CsvCells.cell(cells.get(i)));
        }
        out.append("\r\n");
    }

}
