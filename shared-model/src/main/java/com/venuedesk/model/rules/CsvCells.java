package com.venuedesk.model.rules;

import java.util.Objects;

/**
 * One cell of a CSV file for a spreadsheet (RFC 4180), the same for the server's reports and the desk's exports. A
 * cell that a spreadsheet would run as a formula (one that starts with {@code = + - @}, a tab or a carriage return:
 * a resource named {@code =HYPERLINK(...)}) is defused by a leading apostrophe, as OWASP advises, so it shows as the
 * text it is; a cell with a comma, quote or line break is quoted.
 */
public final class CsvCells {
    private CsvCells() {
    }

    /** The value as one CSV cell, defused and quoted as needed; null is an empty cell. */
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
