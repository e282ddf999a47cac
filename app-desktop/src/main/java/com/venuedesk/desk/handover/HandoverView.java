package com.venuedesk.desk.handover;

import atlantafx.base.theme.Styles;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.i18n.VenueFormats;
import java.io.File;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Scale;
import javafx.stage.FileChooser;

/** The handover sheet on screen: one block per section, printable as it is shown. */
public final class HandoverView extends BorderPane {
    private final HandoverViewModel model;
    private final Messages messages;
    private final VenueFormats formats;
    private final VBox sheet = new VBox(12);

    public HandoverView(HandoverViewModel model) {
        this.model = model;
        this.messages = model.messages();
        this.formats = model.formats();
        setId("handover");
        getStyleClass().add("handover-view");

        DatePicker day = new DatePicker();
        day.setId("handoverDay");
        day.setAccessibleText(messages.get("handover.day"));
        day.setConverter(dates(messages.locale()));
        day.valueProperty().bindBidirectional(model.dayProperty());
        Button today = new Button(messages.get("handover.today"));
        today.setId("handoverToday");
        today.setOnAction(e -> model.showToday());
        Button print = new Button(messages.get("handover.print"));
        print.setId("handoverPrint");
        print.setOnAction(e -> model.print(this::printSheet));
        Button save = new Button(messages.get("handover.save"));
        save.setId("handoverSave");
        save.setOnAction(e -> chooseFile().ifPresent(model::saveHtml));
        print.disableProperty().bind(model.sheetProperty().isNull());
        save.disableProperty().bind(model.sheetProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label(messages.get("handover.day")), day, today, spacer, print, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("top-bar");
        setTop(bar);

        sheet.setId("handoverSheet");
        sheet.setPadding(new Insets(12, 16, 16, 16));
        sheet.getStyleClass().add("handover-sheet");
        ScrollPane scroll = new ScrollPane(sheet);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        model.sheetProperty().addListener((obs, old, loaded) -> render(loaded));
        render(model.sheetProperty().get());
    }

    private void render(HandoverSheet loaded) {
        sheet.getChildren().clear();
        if (loaded == null) {
            sheet.getChildren().add(new Label(messages.get("handover.loading")));
            return;
        }
        Label title = new Label(messages.get("handover.title", formats.date(loaded.day())));
        title.getStyleClass().add(Styles.TITLE_3);
        Label prepared = new Label(messages.get("handover.prepared", formats.dateTime(loaded.preparedAt()), loaded.zone().getId()));
        prepared.getStyleClass().add(Styles.TEXT_MUTED);
        Label outbox = new Label(messages.get("handover.outbox", loaded.outboxCount()));
        outbox.setId("handoverOutbox");
        Label conflicts = new Label(messages.get("handover.conflicts", loaded.openConflicts()));
        conflicts.setId("handoverConflicts");
        if (loaded.openConflicts() > 0) {
            conflicts.getStyleClass().add(Styles.DANGER);
        }
        if (loaded.outboxCount() > 0) {
            outbox.getStyleClass().add(Styles.WARNING);
        }
        HBox summary = new HBox(24, outbox, conflicts);
        sheet.getChildren().addAll(title, prepared, summary);
        section("handoverArrivals", messages.get("handover.arrivals"), loaded.arrivals(), loaded, true, false);
        section("handoverDepartures", messages.get("handover.departures"), loaded.departures(), loaded, false, false);
        section("handoverNoShows", messages.get("handover.noShows"), loaded.noShows(), loaded, false, true);
        section("handoverCancellations", messages.get("handover.cancellations"), loaded.cancellations(), loaded, false, true);
        section("handoverWaiting", messages.get("handover.waiting"), loaded.waitingToSync(), loaded, false, false);
    }

    private void section(String id, String heading, List<HandoverSheet.Line> lines, HandoverSheet loaded, boolean withArrival,
                         boolean withReason) {
        Label head = new Label(heading + " (" + lines.size() + ")");
        head.getStyleClass().add(Styles.TITLE_4);
        sheet.getChildren().add(head);
        if (lines.isEmpty()) {
            Label none = new Label(messages.get("handover.none"));
            none.setId(id);
            none.getStyleClass().add(Styles.TEXT_MUTED);
            sheet.getChildren().add(none);
            return;
        }
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(16);
        grid.setVgap(3);
        grid.getColumnConstraints().addAll(new ColumnConstraints(150), new ColumnConstraints(140), new ColumnConstraints(180),
                new ColumnConstraints(240));
        int row = 0;
        for (HandoverSheet.Line line : lines) {
            grid.add(new Label(HandoverText.when(line, loaded.day(), formats)), 0, row);
            grid.add(new Label(line.resource()), 1, row);
            grid.add(new Label(line.customer()), 2, row);
            grid.add(new Label(HandoverText.status(line, messages)), 3, row);
            if (withArrival) {
                Label arrival = new Label(HandoverText.arrival(line, messages, formats));
                arrival.getStyleClass().add(line.checkedIn() ? Styles.SUCCESS : Styles.WARNING);
                grid.add(arrival, 4, row);
            }
            if (withReason) {
                grid.add(new Label(line.reason()), 4, row);
            }
            row++;
        }
        sheet.getChildren().add(grid);
    }

    /** Prints the sheet scaled to the page width; false when this PC has no printer. */
    private boolean printSheet() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            return false;
        }
        if (!job.showPrintDialog(getScene().getWindow())) {
            job.cancelJob();
            return true;
        }
        PageLayout page = job.getJobSettings().getPageLayout();
        double scale = Math.min(1, page.getPrintableWidth() / sheet.getBoundsInParent().getWidth());
        Scale fit = new Scale(scale, scale);
        sheet.getTransforms().add(fit);
        try {
            if (job.printPage(sheet)) {
                job.endJob();
            }
        } finally {
            sheet.getTransforms().remove(fit);
        }
        return true;
    }

    /** Dates in the user's language, not the PC's default locale. */
    static javafx.util.StringConverter<java.time.LocalDate> dates(java.util.Locale locale) {
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter
                .ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(locale);
        return new javafx.util.converter.LocalDateStringConverter(format, format);
    }

    private java.util.Optional<java.nio.file.Path> chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("handover.save"));
        chooser.setInitialFileName(model.suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML", "*.html", "*.htm"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        return java.util.Optional.ofNullable(file).map(File::toPath);
    }
}
