package com.venuedesk.desk.dashboard;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.model.domain.ResourceType;
import com.venuedesk.server.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The last figures fetched for each choice of period, resource type and resource, in one JSON file in the desk's home, so that
 * the dashboard still has something to show offline. Blocking: call through the task executor.
 */
public class DashboardCache {
    private final Path file;
    private final ObjectMapper mapper = Json.newMapper();

    public DashboardCache(Path file) {
        this.file = file;
    }

    public synchronized Optional<DashboardFigures> load(DashboardPeriod period, ResourceType type, UUID resourceId) {
        return Optional.ofNullable(all().get(key(period, type, resourceId)));
    }

    public synchronized void save(DashboardFigures figures) {
        Map<String, DashboardFigures> all = all();
        all.put(key(figures.period(), figures.resourceType(), figures.resourceId()), figures);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            mapper.writeValue(temp.toFile(), all);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the dashboard's figures in " + file, e);
        }
    }

    private Map<String, DashboardFigures> all() {
        if (!Files.exists(file)) {
            return new HashMap<>();
        }
        try {
            return mapper.readValue(file.toFile(), new TypeReference<HashMap<String, DashboardFigures>>() { });
        } catch (IOException e) {
            return new HashMap<>(); // an unreadable cache is no worse than none
        }
    }

    private static String key(DashboardPeriod period, ResourceType type, UUID resourceId) {
        return period.name() + "/" + (type == null ? "ALL" : type.name()) + (resourceId == null ? "" : "/" + resourceId);
    }
}
