package com.venuedesk.desk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import com.venuedesk.desk.testing.RecordingDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {
    private final DashboardFixtures.QueuedClient client = new DashboardFixtures.QueuedClient();
    private DashboardViewModel model;
    private Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("dashboard-view");
        model = new DashboardViewModel(client, new DashboardCache(dir.resolve("figures.json")), new SameThreadTaskExecutor(),
                new RecordingDialogService(), new Messages(Locale.ENGLISH), DashboardFixtures.ZONE,
                () -> DashboardFixtures.RESOURCES);
        model.loadResources();
        client.answers.add(DashboardFixtures.venue(DashboardPeriod.LAST_30_DAYS, null));
        model.reload();
        stage.setScene(new Scene(new DashboardView(model), 1200, 860));
        stage.show();
    }

    @Test
    void tilesChartsAndHeatmapShowTheFiguresAndAPeriodChangeFetchesAgain(FxRobot robot) throws Exception {
        FlowPane tiles = robot.lookup("#dashboardTiles").queryAs(FlowPane.class);
        assertThat(tiles.getChildren()).hasSize(11);
        assertThat(robot.lookup(".kpi-value").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("171", "11050.00 EUR", "44.1 %", "8.8 %", "6");
        LineChart<?, ?> trend = robot.lookup("#dashboardTrend").queryAs(LineChart.class);
        assertThat(trend.getData()).hasSize(2);
        assertThat(trend.getData().get(0).getData()).hasSize(30);
        BarChart<?, ?> resources = robot.lookup("#dashboardResources").queryAs(BarChart.class);
        assertThat(resources.getData().get(0).getData()).hasSize(4);
        GridPane heatmap = robot.lookup("#dashboardHeatmap").queryAs(GridPane.class);
        assertThat(heatmap.getChildren().stream().filter(n -> n instanceof Rectangle)).hasSize(168);
        assertThat(robot.lookup("#dashboardStatus").queryAs(Label.class).getText()).startsWith("as of ");
        ComboBox<?> resource = robot.lookup("#dashboardResource").queryAs(ComboBox.class);
        assertThat(resource.getItems()).hasSize(3);
        assertThat(resource.getItems().get(0)).as("any resource").isNull();
        snapshot("dashboard.png");

        // offline after a change of period: nothing kept for 90 days yet
        robot.interact(() -> robot.lookup("#dashboardPeriod").queryAs(ComboBox.class).getSelectionModel()
                .select(DashboardPeriod.LAST_90_DAYS));
        assertThat(client.asked).containsExactly("LAST_30_DAYS/null", "LAST_90_DAYS/null");
        assertThat(robot.lookup("#dashboardStatus").queryAs(Label.class).getText()).contains("none kept yet");
        assertThat(robot.lookup("#dashboardHeatmap").queryAs(GridPane.class).getChildren()).isEmpty();

        // back to 30 days, still offline: the figures kept, as of their time
        robot.interact(() -> robot.lookup("#dashboardPeriod").queryAs(ComboBox.class).getSelectionModel()
                .select(DashboardPeriod.LAST_30_DAYS));
        assertThat(robot.lookup("#dashboardStatus").queryAs(Label.class).getText())
                .startsWith("Offline: last figures fetched, as of ");
        assertThat(robot.lookup("#dashboardTiles").queryAs(FlowPane.class).getChildren()).hasSize(11);
        snapshot("dashboard-offline.png");

        Path pdf = dir.resolve("dashboard.pdf");
        robot.interact(() -> robot.lookup("#dashboard").queryAs(DashboardView.class).exportPdf(pdf));
        assertThat(Files.size(pdf)).as("the PDF with three chart images").isGreaterThan(10_000);
    }

    /** Saves what the window shows when {@code -Dvenuedesk.screenshots=DIR} is given. */
    private void snapshot(String name) throws Exception {
        String target = System.getProperty("venuedesk.screenshots");
        if (target == null) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Path.of(target).resolve(name);
        Files.createDirectories(file.getParent());
        var image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
