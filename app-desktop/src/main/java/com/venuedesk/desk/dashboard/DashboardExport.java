package com.venuedesk.desk.dashboard;

import com.venuedesk.model.rules.CsvCells;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.venuedesk.desk.dashboard.DashboardFigures.BookedVsUsed;
import com.venuedesk.desk.dashboard.DashboardFigures.Kpis;
import com.venuedesk.desk.dashboard.DashboardFigures.ResourceBar;
import com.venuedesk.desk.dashboard.DashboardFigures.TrendPoint;
import com.venuedesk.desk.i18n.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard as files: CSV of what is shown (cells a spreadsheet would run as a formula are defused with a leading
 * apostrophe), and a PDF a manager hands to the owner: title, period, the key figures, the charts, the tables.
 */
public final class DashboardExport {
    /** A chart as the view drew it. */
    public record Chart(String title, byte[] png) {
    }

    private DashboardExport() {
    }

    public static String csv(DashboardFigures f, Messages m) {
        StringBuilder out = new StringBuilder();
        row(out, m.get("dashboard.title"), f.from() + " – " + f.to(), f.resourceType() == null ? "" : f.resourceType().name(),
                "asOf", f.asOf());
        out.append("\r\n");
        row(out, "figure", "value");
        kpiRows(f.kpis(), m).forEach(kv -> row(out, kv[0], kv[1]));
        out.append("\r\n");
        row(out, "period", "bookings", "revenue");
        for (TrendPoint p : f.trend()) {
            row(out, p.period(), p.bookings(), p.revenue());
        }
        out.append("\r\n");
        row(out, "rank", "resource", "type", "bookings", "revenue", "currency", "utilization", "noShows");
        for (ResourceBar r : f.resources()) {
            row(out, r.rank(), r.name(), r.type(), r.bookings(), r.revenue(), r.currency(), r.utilization(), r.noShows());
        }
        out.append("\r\n");
        row(out, "weekday", "hour", "utilization");
        f.heatmap().forEach(c -> row(out, c.weekday(), c.hour(), c.utilization()));
        return out.toString();
    }

    static List<String[]> kpiRows(Kpis k, Messages m) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {m.get("dashboard.kpi.today"), k.bookingsToday() + " / " + k.revenueToday()});
        rows.add(new String[] {m.get("dashboard.kpi.month"), k.bookingsThisMonth() + " / " + k.revenueThisMonth()});
        rows.add(new String[] {m.get("dashboard.kpi.bookings"), Long.toString(k.bookingsInPeriod())});
        rows.add(new String[] {m.get("dashboard.kpi.revenue"), k.revenueInPeriod()});
        rows.add(new String[] {m.get("dashboard.kpi.average"), k.averageValue()});
        rows.add(new String[] {m.get("dashboard.kpi.utilization"), DashboardViewModel.percent(k.utilization(), m.locale())});
        rows.add(new String[] {m.get("dashboard.kpi.cancellations"), DashboardViewModel.percent(k.cancellationRate(), m.locale())});
        rows.add(new String[] {m.get("dashboard.kpi.noShows"), DashboardViewModel.percent(k.noShowRate(), m.locale())});
        rows.add(new String[] {m.get("dashboard.kpi.leadTime"), k.leadTimeHours() == null ? "–"
                : m.get("dashboard.kpi.leadTimeValue", String.format(m.locale(), "%.1f", k.leadTimeHours()))});
        BookedVsUsed used = k.used();
        rows.add(new String[] {m.get("dashboard.kpi.used"), used.bookedMinutes() == 0 ? "–"
                : m.get("dashboard.kpi.usedValue", Long.toString(used.bookedMinutes()),
                        DashboardViewModel.percent(used.usedShare(), m.locale()),
                        DashboardViewModel.percent(used.noShowShare(), m.locale()),
                        Long.toString(used.lateCancelledMinutes()))});
        rows.add(new String[] {m.get("dashboard.kpi.staff"), Long.toString(k.staffActiveLast24h())});
        return rows;
    }

    private static void row(StringBuilder out, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(CsvCells.cell(cells[i]));
        }
        out.append("\r\n");
    }


    public static void pdf(Path file, DashboardFigures f, List<Chart> charts, Messages m, ZoneId zone) throws IOException {
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        try (OutputStream out = Files.newOutputStream(file)) {
            PdfWriter.getInstance(document, out);
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
            Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
            Font small = FontFactory.getFont(FontFactory.HELVETICA, 9);
            document.add(new Paragraph(m.get("dashboard.title"), title));
            document.add(new Paragraph(m.get("dashboard.pdf.period", f.from(), f.to(),
                    f.resourceType() == null ? m.get("dashboard.allTypes") : f.resourceType().name()), small));
            document.add(new Paragraph(m.get("dashboard.asOf", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
                    FormatStyle.SHORT).withLocale(m.locale()).format(f.asOf().atZone(zone))), small));
            document.add(new Paragraph(" "));
            PdfPTable kpis = new PdfPTable(2);
            kpis.setWidthPercentage(60);
            kpis.setHorizontalAlignment(Element.ALIGN_LEFT);
            kpiRows(f.kpis(), m).forEach(kv -> {
                kpis.addCell(new Paragraph(kv[0], small));
                kpis.addCell(new Paragraph(kv[1], small));
            });
            document.add(kpis);
            for (Chart chart : charts) {
                document.add(new Paragraph(chart.title(), heading));
                Image image = Image.getInstance(chart.png());
                image.scaleToFit(document.getPageSize().getWidth() - 72, 260);
                document.add(image);
            }
            document.newPage();
            document.add(new Paragraph(m.get("dashboard.resources"), heading));
            PdfPTable resources = new PdfPTable(new float[] {1, 5, 3, 2, 3, 2, 2});
            resources.setWidthPercentage(100);
            for (String h : new String[] {"#", m.get("dashboard.col.resource"), m.get("dashboard.col.type"),
                    m.get("dashboard.kpi.bookings"), m.get("dashboard.kpi.revenue"), m.get("dashboard.kpi.utilization"),
                    m.get("dashboard.kpi.noShows")}) {
                resources.addCell(new Paragraph(h, heading));
            }
            for (ResourceBar r : f.resources()) {
                for (String c : new String[] {Integer.toString(r.rank()), r.name(), r.type(), Long.toString(r.bookings()),
                        r.revenue().toPlainString() + " " + r.currency(), DashboardViewModel.percent(r.utilization(), m.locale()),
                        Long.toString(r.noShows())}) {
                    resources.addCell(new Paragraph(c, small));
                }
            }
            document.add(resources);
            document.add(new Paragraph(" "));
            document.add(new Paragraph(m.get("dashboard.trend"), heading));
            PdfPTable trend = new PdfPTable(3);
            trend.setWidthPercentage(60);
            trend.setHorizontalAlignment(Element.ALIGN_LEFT);
            for (TrendPoint p : f.trend()) {
                trend.addCell(new Paragraph(p.period().toString(), small));
                trend.addCell(new Paragraph(Long.toString(p.bookings()), small));
                trend.addCell(new Paragraph(p.revenue().toPlainString(), small));
            }
            document.add(trend);
            document.close(); // writes the file's end while the stream is still open
        } catch (DocumentException e) {
            throw new IOException("cannot write the PDF: " + e.getMessage(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
    }
}
