package com.venuedesk.desk.handover;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import java.util.List;

/**
 * The handover sheet as a small self-contained HTML page (inline style, no scripts) that can be attached to an
 * e-mail or opened in any browser. A pure function of the sheet and the texts.
 */
public final class HandoverHtml {
    private final Messages messages;
    private final VenueFormats formats;

    public HandoverHtml(Messages messages, VenueFormats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    public String render(HandoverSheet sheet) {
        StringBuilder html = new StringBuilder(4096);
        String title = messages.get("handover.title", formats.date(sheet.day()));
        html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(messages.locale().getLanguage())).append("\">\n<head>\n")
                .append("<meta charset=\"UTF-8\">\n<title>").append(escape(title)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%;margin-bottom:1.5em}"
                        + "th,td{border:1px solid #bbb;padding:4px 8px;text-align:left}th{background:#eee}"
                        + ".summary span{margin-right:2em}.empty{color:#777;font-style:italic}</style>\n")
                .append("</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n")
                .append("<p>").append(escape(messages.get("handover.prepared", formats.dateTime(sheet.preparedAt()), sheet.zone().getId())))
                .append("</p>\n<p class=\"summary\"><span>")
                .append(escape(messages.get("handover.outbox", sheet.outboxCount()))).append("</span><span>")
                .append(escape(messages.get("handover.conflicts", sheet.openConflicts()))).append("</span></p>\n");
        section(html, sheet.day(), messages.get("handover.arrivals"), sheet.arrivals(), true, false);
        section(html, sheet.day(), messages.get("handover.departures"), sheet.departures(), false, false);
        section(html, sheet.day(), messages.get("handover.noShows"), sheet.noShows(), false, true);
        section(html, sheet.day(), messages.get("handover.cancellations"), sheet.cancellations(), false, true);
        section(html, sheet.day(), messages.get("handover.waiting"), sheet.waitingToSync(), false, false);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private void section(StringBuilder html, java.time.LocalDate day, String heading, List<HandoverSheet.Line> lines, boolean withArrival, boolean withReason) {
        html.append("<h2>").append(escape(heading)).append(" (").append(lines.size()).append(")</h2>\n");
        if (lines.isEmpty()) {
            html.append("<p class=\"empty\">").append(escape(messages.get("handover.none"))).append("</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>").append(escape(messages.get("handover.col.time"))).append("</th><th>")
                .append(escape(messages.get("handover.col.resource"))).append("</th><th>")
                .append(escape(messages.get("handover.col.customer"))).append("</th><th>")
                .append(escape(messages.get("handover.col.status"))).append("</th>");
        if (withArrival) {
            html.append("<th>").append(escape(messages.get("handover.col.checkedIn"))).append("</th>");
        }
        if (withReason) {
            html.append("<th>").append(escape(messages.get("handover.col.reason"))).append("</th>");
        }
        html.append("</tr>\n");
        for (HandoverSheet.Line line : lines) {
            html.append("<tr><td>").append(escape(HandoverText.when(line, day, formats))).append("</td><td>")
                    .append(escape(line.resource())).append("</td><td>")
                    .append(escape(line.customer())).append("</td><td>")
                    .append(escape(HandoverText.status(line, messages))).append("</td>");
            if (withArrival) {
                html.append("<td>").append(escape(HandoverText.arrival(line, messages, formats))).append("</td>");
            }
            if (withReason) {
                html.append("<td>").append(escape(line.reason())).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '&':
                    out.append("&amp;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }
}
