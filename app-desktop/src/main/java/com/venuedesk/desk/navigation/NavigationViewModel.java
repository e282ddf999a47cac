package com.venuedesk.desk.navigation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which screen is shown. Sections a user's role does not allow are simply not offered (the server checks again);
 * opening a section runs its refresh, so a screen shows current data when staff come back to it.
 */
public final class NavigationViewModel {
    private final ObservableList<Section> sections;
    private final ObjectProperty<Section> current = new SimpleObjectProperty<>();
    private final Map<Section, Runnable> onOpen = new EnumMap<>(Section.class);

    /** @param sections the sections offered, in order; the first is shown at start */
    public NavigationViewModel(List<Section> sections) {
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("at least one section");
        }
        this.sections = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(sections));
        current.set(sections.get(0));
        current.addListener((obs, old, section) -> {
            if (section != null) {
                onOpen.getOrDefault(section, () -> { }).run();
            }
        });
    }

    /** Runs {@code refresh} whenever {@code section} is opened. */
    public void whenOpened(Section section, Runnable refresh) {
        onOpen.put(section, refresh);
    }

    /** Opens the section; one not offered (e.g. Admin for front-desk staff) is ignored. */
    public void open(Section section) {
        if (sections.contains(section)) {
            current.set(section);
        }
    }

    /** Opens the n-th offered section (1-based, as the shortcut Ctrl+n); out of range is ignored. */
    public void openNumber(int number) {
        if (number >= 1 && number <= sections.size()) {
            current.set(sections.get(number - 1));
        }
    }

    public boolean offers(Section section) {
        return sections.contains(section);
    }

    public ObservableList<Section> sections() {
        return sections;
    }

    public ObjectProperty<Section> currentProperty() {
        return current;
    }
}
