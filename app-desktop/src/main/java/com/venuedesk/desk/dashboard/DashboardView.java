package com.venuedesk.desk.dashboard;

import com.venuedesk.desk.dashboard.DashboardFigures.HeatCell;
import com.venuedesk.desk.dashboard.DashboardFigures.ResourceBar;
import com.venuedesk.desk.dashboard.DashboardFigures.TrendPoint;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.ResourceType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import javax.imageio.ImageIO;

/**
 * The manager's dashboard: filters and exports on top, KPI tiles, the trend of bookings and revenue, the resources'
 * performance and the weekday x hour utilization heatmap. Everything shown is bound to {@link DashboardViewModel}.
 */
public final class DashboardView extends BorderPane {
    private final DashboardViewModel model;
    private final Messages messages;
    private final FlowPane tiles = new FlowPane(8, 8);
    private final LineChart<String, Number> trend;
    private final BarChart<String, Number> performance;
    private final GridPane heatmap = new GridPane();

    public DashboardView(DashboardViewModel model) {
        this.model = model;
        this.messages = model.messages();
        setId("dashboard");
        getStyleClass().add("dashboard");

        ComboBox<DashboardPeriod> period = new ComboBox<>();
        period.setId("dashboardPeriod");
        period.getItems().setAll(DashboardPeriod.values());
        period.setConverter(converter(p -> messages.get(p.messageKey())));
        period.valueProperty().bindBidirectional(model.periodProperty());
        ComboBox<ResourceType> type = new ComboBox<>();
        type.setId("dashboardType");
        type.getItems().add(null);
        type.getItems().addAll(ResourceType.values());
        type.setConverter(converter(t -> t == null ? messages.get("dashboard.allTypes") : t.name()));
        type.valueProperty().bindBidirectional(model.resourceTypeProperty());
        ComboBox<Resource> resource = new ComboBox<>();
        resource.setId("dashboardResource");
        resource.setConverter(converter(r -> r == null ? messages.get("dashboard.anyResource") : r.name()));
        Runnable fillResources = () -> {
            Resource chosen = model.resourceProperty().get();
            List<Resource> items = new ArrayList<>();
            items.add(null);
            items.addAll(model.resources());
            resource.getItems().setAll(items);
            resource.setValue(chosen);
        };
        model.resources().addListener((javafx.collections.ListChangeListener<Resource>) change -> fillResources.run());
        fillResources.run();
        resource.valueProperty().bindBidirectional(model.resourceProperty());
        Button reload = new Button(messages.get("dashboard.reload"));
        reload.setId("dashboardReload");
        reload.setOnAction(e -> model.reload());
        Button csv = new Button(messages.get("dashboard.exportCsv"));
        csv.setId("dashboardCsv");
        csv.setOnAction(e -> choose("CSV", "*.csv", "dashboard.csv").ifPresent(model::exportCsv));
        Button pdf = new Button(messages.get("dashboard.exportPdf"));
        pdf.setId("dashboardPdf");
        pdf.setOnAction(e -> choose("PDF", "*.pdf", "dashboard.pdf").ifPresent(file -> model.exportPdf(file, charts())));
        csv.disableProperty().bind(model.figuresProperty().isNull());
        pdf.disableProperty().bind(model.figuresProperty().isNull());
        ProgressBar progress = new ProgressBar();
        progress.setId("dashboardProgress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.loadingProperty());
        Label status = new Label();
        status.setId("dashboardStatus");
        status.textProperty().bind(model.statusProperty());
        model.staleProperty().addListener((obs, old, stale) -> status.setStyle(stale ? "-fx-text-fill: #b35900;" : ""));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label(messages.get("dashboard.period")), period, new Label(messages.get("dashboard.type")),
                type, new Label(messages.get("dashboard.resource")), resource, reload, spacer, csv, pdf);
        bar.getChildren().forEach(n -> {
            if (n instanceof Region r && n != spacer) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox statusLine = new HBox(8, progress, status);
        statusLine.setAlignment(Pos.CENTER_LEFT);
        progress.managedProperty().bind(progress.visibleProperty());
        VBox top = new VBox(6, bar, statusLine);
        top.setPadding(new Insets(8));

        tiles.setId("dashboardTiles");
        CategoryAxis trendX = new CategoryAxis();
        NumberAxis trendY = new NumberAxis();
        trend = new LineChart<>(trendX, trendY);
        trend.setId("dashboardTrend");
        trend.setTitle(messages.get("dashboard.trend"));
        trend.setAnimated(false);
        trend.setPrefHeight(280);
        CategoryAxis resourceX = new CategoryAxis();
        NumberAxis resourceY = new NumberAxis();
        performance = new BarChart<>(resourceX, resourceY);
        performance.setId("dashboardResources");
        performance.setTitle(messages.get("dashboard.resources"));
        performance.setAnimated(false);
        performance.setPrefHeight(280);
        heatmap.setId("dashboardHeatmap");
        heatmap.setHgap(1);
        heatmap.setVgap(1);
        Label heatTitle = new Label(messages.get("dashboard.heatmap"));
        heatTitle.setStyle("-fx-font-weight: bold;");
        VBox heatBox = new VBox(4, heatTitle, heatmap);
        heatBox.setPadding(new Insets(0, 8, 8, 8));
        HBox charts = new HBox(8, trend, performance);
        HBox.setHgrow(trend, Priority.ALWAYS);
        HBox.setHgrow(performance, Priority.ALWAYS);
        VBox body = new VBox(8, tiles, charts, heatBox);
        body.setPadding(new Insets(0, 8, 8, 8));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setTop(top);
        setCenter(scroll);
        model.figuresProperty().addListener((obs, old, figures) -> show(figures));
        show(model.figuresProperty().get());
    }

    private void show(DashboardFigures f) {
        tiles.getChildren().clear();
        trend.getData().clear();
        performance.getData().clear();
        heatmap.getChildren().clear();
        if (f == null) {
            return;
        }
        Locale locale = messages.locale();
        DashboardExport.kpiRows(f.kpis(), messages).forEach(kv -> tiles.getChildren().add(tile(kv[0], kv[1])));

        XYChart.Series<String, Number> bookings = new XYChart.Series<>();
        bookings.setName(messages.get("dashboard.kpi.bookings"));
        XYChart.Series<String, Number> revenue = new XYChart.Series<>();
        revenue.setName(messages.get("dashboard.kpi.revenue") + " / 10");
        for (TrendPoint p : f.trend()) {
            bookings.getData().add(new XYChart.Data<>(p.period().toString(), p.bookings()));
            revenue.getData().add(new XYChart.Data<>(p.period().toString(), p.revenue().doubleValue() / 10));
        }
        trend.getData().setAll(List.of(bookings, revenue));

        XYChart.Series<String, Number> utilization = new XYChart.Series<>();
        utilization.setName(messages.get("dashboard.kpi.utilization") + " %");
        for (ResourceBar r : f.resources().subList(0, Math.min(12, f.resources().size()))) {
            utilization.getData().add(new XYChart.Data<>(r.name(), r.utilization() == null ? 0 : r.utilization() * 100));
        }
        performance.getData().setAll(List.of(utilization));

        String[] days = {"", "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
        for (int hour = 0; hour < 24; hour++) {
            Label h = new Label(Integer.toString(hour));
            h.setMinWidth(26);
            h.setAlignment(Pos.CENTER);
            heatmap.add(h, hour + 1, 0);
        }
        for (int day = 1; day <= 7; day++) {
            heatmap.add(new Label(days[day]), 0, day);
        }
        for (HeatCell c : f.heatmap()) {
            Rectangle cell = new Rectangle(26, 18, color(c.utilization()));
            cell.getStyleClass().add("heat-cell");
            Tooltip.install(cell, new Tooltip(days[c.weekday()] + " " + c.hour() + ":00 "
                    + DashboardViewModel.percent(c.utilization(), locale)));
            heatmap.add(cell, c.hour() + 1, c.weekday());
        }
    }

    private static Color color(Double utilization) {
        if (utilization == null) {
            return Color.web("#eeeeee");
        }
        double u = Math.max(0, Math.min(1, utilization));
        return Color.web("#e8f1fb").interpolate(Color.web("#0b4f9c"), u);
    }

    private static Node tile(String title, String value) {
        Label t = new Label(title);
        t.setStyle("-fx-font-size: 11px; -fx-text-fill: #555;");
        Label v = new Label(value);
        v.getStyleClass().add("kpi-value");
        v.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        VBox box = new VBox(2, t, v);
        box.getStyleClass().add("kpi-tile");
        box.setPadding(new Insets(8, 12, 8, 12));
        box.setMinWidth(150);
        box.setStyle("-fx-background-color: -color-bg-subtle, #f4f6f8; -fx-background-radius: 6;"
                + " -fx-border-color: #d0d7de; -fx-border-radius: 6;");
        return box;
    }

    /** The charts as the manager sees them, for the PDF. */
    private List<DashboardExport.Chart> charts() {
        List<DashboardExport.Chart> charts = new ArrayList<>();
        charts.add(new DashboardExport.Chart(messages.get("dashboard.trend"), png(trend)));
        charts.add(new DashboardExport.Chart(messages.get("dashboard.resources"), png(performance)));
        charts.add(new DashboardExport.Chart(messages.get("dashboard.heatmap"), png(heatmap)));
        return charts;
    }

    static byte[] png(Node node) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(SwingFXUtils.fromFXImage(node.snapshot(null, null), null), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private java.util.Optional<Path> choose(String kind, String pattern, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("dashboard.export"));
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return java.util.Optional.ofNullable(file).map(java.io.File::toPath);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** For tests: the PDF export with the charts as drawn now. */
    void exportPdf(Path file) {
        model.exportPdf(file, charts());
    }
}
