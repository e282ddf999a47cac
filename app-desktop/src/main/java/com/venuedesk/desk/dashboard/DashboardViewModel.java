package com.venuedesk.desk.dashboard;

import com.venuedesk.desk.dialog.DialogService;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.sync.ServerUnreachableException;
import com.venuedesk.desk.task.TaskExecutor;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.ResourceType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's dashboard: the period and the resource type or single resource chosen, the figures shown, whether they are loading (with
 * progress), and where they come from. Online the figures are fetched in the background and kept; offline (or when
 * the server fails) the last figures fetched for the same choice are shown with their time ("as of ...").
 * Exports write what is shown: CSV, and a PDF with the charts the view hands over.
 */
public final class DashboardViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardViewModel.class);

    private final AnalyticsClient client;
    private final DashboardCache cache;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final ZoneId zone;

    private final ObjectProperty<DashboardPeriod> period = new SimpleObjectProperty<>(DashboardPeriod.LAST_30_DAYS);
    private final ObjectProperty<ResourceType> resourceType = new SimpleObjectProperty<>();
    private final ObjectProperty<Resource> resource = new SimpleObjectProperty<>();
    private final ObservableList<Resource> resources = FXCollections.observableArrayList();
    private final Supplier<List<Resource>> resourceSource;
    private boolean narrowing;
    private final ObjectProperty<DashboardFigures> figures = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty stale = new SimpleBooleanProperty(false);
    private final BooleanProperty empty = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private long generation;

    /** {@code resourceSource} lists the venue's resources (the desk's store; blocking, read through the tasks). */
    public DashboardViewModel(AnalyticsClient client, DashboardCache cache, TaskExecutor tasks, DialogService dialogs,
                              Messages messages, ZoneId zone, Supplier<List<Resource>> resourceSource) {
        this.client = client;
        this.cache = cache;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.zone = zone;
        this.resourceSource = resourceSource;
        period.addListener((obs, old, p) -> reload());
        // one resource or one type: choosing either clears the other, and the figures are fetched once
        resourceType.addListener((obs, old, t) -> narrow(() -> resource.set(null)));
        resource.addListener((obs, old, r) -> narrow(() -> resourceType.set(null)));
    }

    private void narrow(Runnable clearOther) {
        if (narrowing) {
            return;
        }
        narrowing = true;
        try {
            clearOther.run();
        } finally {
            narrowing = false;
        }
        reload();
    }

    /** Reads the venue's resources for the resource choice (in the background). */
    public void loadResources() {
        tasks.run(resourceSource::get, all -> {
            Resource chosen = resource.get();
            resources.setAll(all);
            if (chosen != null && all.stream().noneMatch(r -> r.id().equals(chosen.id()))) {
                resource.set(null);
            }
        });
    }

    /** Fetches the figures of the current choice; a later reload wins over an earlier one still running. */
    public void reload() {
        long mine = ++generation;
        DashboardPeriod p = period.get();
        ResourceType t = resourceType.get();
        UUID r = resource.get() == null ? null : resource.get().id();
        loading.set(true);
        progress.set(0);
        status.set(messages.get("dashboard.loading"));
        tasks.run(() -> {
            DashboardFigures fetched = client.fetch(p, t, r, zone, done -> tasks.onUiThread(() -> {
                if (mine == generation) {
                    progress.set(done);
                }
            }));
            cache.save(fetched);
            return fetched;
        }, fetched -> {
            if (mine == generation) {
                show(fetched, false);
            }
        }, failure -> {
            if (mine == generation) {
                fallBack(p, t, r, failure);
            }
        });
    }

    private void fallBack(DashboardPeriod p, ResourceType t, UUID r, Exception failure) {
        boolean offline = failure instanceof ServerUnreachableException;
        if (!offline) {
            LOG.warn("dashboard figures not fetched: {}", failure.toString());
        }
        long mine = generation;
        tasks.run(() -> cache.load(p, t, r), cached -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            String why = messages.get(offline ? "dashboard.offline" : "dashboard.failed");
            if (cached.isPresent()) {
                show(cached.get(), true);
                status.set(why + " " + asOf(cached.get()));
            } else {
                figures.set(null);
                empty.set(false);
                stale.set(true);
                status.set(why + " " + messages.get("dashboard.nothingKept"));
            }
        });
    }

    private void show(DashboardFigures shown, boolean fromCache) {
        figures.set(shown);
        loading.set(false);
        progress.set(1);
        stale.set(fromCache);
        empty.set(shown.isEmpty());
        status.set(shown.isEmpty() ? messages.get("dashboard.empty") + " " + asOf(shown) : asOf(shown));
    }

    private String asOf(DashboardFigures shown) {
        return messages.get("dashboard.asOf", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.locale()).format(shown.asOf().atZone(zone)));
    }

    /** What is shown, as CSV (empty when nothing is shown). */
    public String csv() {
        DashboardFigures shown = figures.get();
        return shown == null ? "" : DashboardExport.csv(shown, messages);
    }

    public void exportCsv(Path file) {
        String text = csv();
        tasks.run(() -> Files.writeString(file, text, StandardCharsets.UTF_8),
                done -> dialogs.notify(messages.get("dashboard.exported", file.getFileName().toString())),
                failure -> dialogs.showError(messages.get("dashboard.export"), failure.getMessage()));
    }

    /** Writes the PDF for the owner: title, period, the charts (PNG images the view took), the tables. */
    public void exportPdf(Path file, List<DashboardExport.Chart> charts) {
        DashboardFigures shown = figures.get();
        if (shown == null) {
            return;
        }
        tasks.run(() -> {
                    DashboardExport.pdf(file, shown, charts, messages, zone);
                    return file;
                }, done -> dialogs.notify(messages.get("dashboard.exported", file.getFileName().toString())),
                failure -> dialogs.showError(messages.get("dashboard.export"), failure.getMessage()));
    }

    /** A fraction as a percentage for the tiles; a dash when undefined. */
    public static String percent(Double fraction, Locale locale) {
        return fraction == null ? "–" : String.format(locale, "%.1f %%", fraction * 100);
    }

    public Optional<DashboardFigures> shown() {
        return Optional.ofNullable(figures.get());
    }

    public ObjectProperty<DashboardPeriod> periodProperty() {
        return period;
    }

    public ObjectProperty<ResourceType> resourceTypeProperty() {
        return resourceType;
    }

    /** The one resource the figures are for; null for all (or all of {@link #resourceTypeProperty()}). */
    public ObjectProperty<Resource> resourceProperty() {
        return resource;
    }

    public ObservableList<Resource> resources() {
        return resources;
    }

    public ReadOnlyObjectProperty<DashboardFigures> figuresProperty() {
        return figures;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** True while the figures shown are the last ones kept, not fresh from the server. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale;
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public Messages messages() {
        return messages;
    }
}
