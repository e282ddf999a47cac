package com.venuedesk.desk.calendar;

import com.calendarfx.model.Calendar;
import com.calendarfx.model.CalendarSource;
import com.calendarfx.model.Entry;
import com.calendarfx.model.Interval;
import com.calendarfx.view.CalendarView;
import com.calendarfx.view.DateControl;
import com.calendarfx.view.DayEntryView;
import com.calendarfx.view.DayView;
import com.calendarfx.view.DayViewBase;
import com.calendarfx.view.EntryViewBase;
import com.calendarfx.view.ResourcesView;
import com.calendarfx.view.WeekDayView;
import com.calendarfx.view.WeekView;
import com.calendarfx.view.page.PageBase;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.model.sync.BookingAction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Callback;

/**
 * The calendar on screen: a CalendarFX {@link CalendarView} for day/week/month and a {@link ResourcesView} with one
 * column per resource. One CalendarFX {@link Calendar} per resource (one colour style each); whenever the ViewModel's
 * list changes, entries are updated by difference, each calendar in one batch, and drawn by {@link BookingEntryView}.
 * User edits go back to the ViewModel, never straight to data.
 */
public final class CalendarPane extends StackPane {
    /** Keyboard shortcuts on the selected booking. */
    public static final KeyCombination CHECK_IN = new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination COMPLETE = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination NO_SHOW = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination CANCEL = new KeyCodeCombination(KeyCode.DELETE);
    /** Opens the selected booking to change it. */
    public static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.ENTER);
    /** Moves the selected booking by the calendar's step (Alt+Up/Down) or by a day (Alt+Left/Right). */
    public static final KeyCombination EARLIER = new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN);
    public static final KeyCombination LATER = new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN);
    public static final KeyCombination DAY_BEFORE = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);
    public static final KeyCombination DAY_AFTER = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);
    private static final Duration GRID = Duration.ofMinutes(15);
    /** Hours outside this band are drawn compressed: venues rarely book at night. */
    private static final LocalTime DAY_START = LocalTime.of(7, 0);
    private static final LocalTime DAY_END = LocalTime.of(22, 0);
    private static final double MIN_DRAG_PIXELS = 8;
    private static final String STYLESHEET = "/com/venuedesk/desk/calendar/bookings.css";
    /** How often the now-line moves. */
    private static final javafx.util.Duration NOW_TICK = javafx.util.Duration.seconds(30);

    private final CalendarViewModel model;
    private final Messages messages;
    private final boolean mayApprove;
    /** Day, week and month only: the year page would be built, filled and kept current for nothing. */
    private final CalendarView calendarView = new CalendarView(CalendarView.Page.DAY, CalendarView.Page.WEEK,
            CalendarView.Page.MONTH);
    private final ResourcesView<com.calendarfx.model.Resource<ResourceColumn>> resourcesView = new ResourcesView<>();
    private final CalendarSource source = new CalendarSource();
    private final Map<UUID, Calendar> calendars = new HashMap<>();
    private final Map<Calendar, UUID> resourceOf = new HashMap<>();
    /** The entry each shown booking has in its calendar: kept while the booking does not change. */
    private final Map<UUID, Entry<BookingEntry>> shown = new HashMap<>();
    /** True while entries are written from the ViewModel, so that those writes are not taken for user edits. */
    private boolean applying;
    private DayViewBase dragDayView;
    private Point2D dragStart;
    private boolean calendarCssCopiesDropped;
    /** Runs once, after the first layout pass that shows bookings; null once run. */
    private Runnable firstBookingsShown;

    public CalendarPane(CalendarViewModel model, Messages messages, boolean mayApprove) {
        this.model = model;
        this.messages = messages;
        this.mayApprove = mayApprove;
        getStyleClass().add("venue-calendar");
        setId("calendar");
        // Stylesheets on a parent make JavaFX register every styled node below it with that sheet, one list scan
        // per node: with thousands of entries, quadratic. So no parent above the entries carries one: the entries'
        // sheet goes to the scene, and CalendarView's author copies of calendar.css (on the view and its tray pane)
        // are dropped once the skin is built (see layoutChildren). calendar.css still styles every CalendarFX
        // control as its user-agent stylesheet, as in the ResourcesView, which never had the copies.
        String stylesheet = CalendarPane.class.getResource(STYLESHEET).toExternalForm();
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && !scene.getStylesheets().contains(stylesheet)) {
                scene.getStylesheets().add(stylesheet);
            }
        });
        source.setName(messages.get("calendar.source"));
        calendarView.getCalendarSources().setAll(source);
        calendarView.setShowToolBar(false);
        calendarView.setShowSourceTrayButton(false);
        calendarView.setShowSourceTray(false);
        calendarView.setShowAddCalendarButton(false);
        calendarView.setShowPrintButton(false);
        calendarView.setShowPageToolBarControls(false);
        calendarView.setZoneId(model.formats().zone());
        // CalendarFX's own day heading ("EEEE, d. MMMM yyyy") reads oddly outside German: use the locale's full date
        calendarView.getDayPage().setDateTimeFormatter(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(model.formats().locale()));
        calendarView.getDayPage().setShowNavigation(false);
        calendarView.getWeekPage().setShowNavigation(false);
        calendarView.getMonthPage().setShowNavigation(false);
        for (DateControl control : List.of(calendarView, resourcesView)) {
            control.setStartTime(DAY_START);
            control.setEndTime(DAY_END);
            control.setRequestedTime(DAY_START);
        }
        for (DayViewBase dayView : List.of(calendarView.getDayPage().getDetailedDayView().getDayView(),
                calendarView.getWeekPage().getDetailedWeekView().getWeekView(), resourcesView)) {
            dayView.setEarlyLateHoursStrategy(DayViewBase.EarlyLateHoursStrategy.SHOW_COMPRESSED);
        }
        useBookingEntryViews(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(model.formats().locale()));
        // bookings are never all-day entries: the all-day strips would stay empty, yet load every entry of the range
        calendarView.getDayPage().getDetailedDayView().setShowAllDayView(false);
        calendarView.getWeekPage().getDetailedWeekView().setShowAllDayView(false);
        resourcesView.setShowAllDayView(false);
        resourcesView.setType(ResourcesView.Type.DATES_OVER_RESOURCES);
        resourcesView.setNumberOfDays(1);
        resourcesView.setAdjustToFirstDayOfWeek(false);
        resourcesView.setZoneId(model.formats().zone());
        for (DateControl control : List.of(calendarView, resourcesView)) {
            configure(control);
        }
        // the per-resource view joins the scene when first shown: until then it has no skin, CSS or layout to cost a
        // cold start (a column per resource, each a day view)
        getChildren().add(calendarView);
        // CalendarFX ties every page's suspension to the CalendarView's, so that all pages (the month page with every
        // entry of the range, the day page with its agenda) reload whenever the view does; each page follows its own
        // visibility instead (see updateSuspension)
        for (PageBase page : pages()) {
            Bindings.unbindBidirectional(page.suspendUpdatesProperty(), calendarView.suspendUpdatesProperty());
        }

        calendarView.dateProperty().bindBidirectional(model.dateProperty());
        // ResourcesView writes its own date (week alignment), so it follows the model by listener, not binding
        resourcesView.setDate(model.dateProperty().get());
        model.dateProperty().addListener((obs, old, now) -> resourcesView.setDate(now));
        calendarView.selectedPageProperty().addListener((obs, old, page) -> {
            updateSuspension();
            followPage(page);
        });
        model.modeProperty().addListener((obs, old, now) -> showMode(now));
        showMode(model.modeProperty().get());

        model.resources().addListener((ListChangeListener<ResourceColumn>) change -> rebuildCalendars());
        model.entries().addListener((ListChangeListener<BookingEntry>) change -> rebuildEntries());
        rebuildCalendars();
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        keepNowCurrent();
    }

    /**
     * CalendarFX takes "today" and the now-line's time from the PC's clock and zone once, when built, and never moves
     * them: the line stood still all day, and stood in the wrong place on a PC in another zone than the venue's. The
     * pane sets both from the venue's clock now and every {@link #NOW_TICK} while it is on screen.
     */
    private void keepNowCurrent() {
        showNow();
        Timeline tick = new Timeline(new KeyFrame(NOW_TICK, e -> showNow()));
        tick.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                tick.stop();
            } else {
                showNow();
                tick.play();
            }
        });
    }

    private void showNow() {
        LocalDateTime now = model.nowAtVenue();
        for (DateControl control : List.of(calendarView, resourcesView)) {
            control.setToday(now.toLocalDate());
            control.setTime(now.toLocalTime());
        }
    }

    @Override
    protected void layoutChildren() {
        if (!calendarCssCopiesDropped) {
            calendarCssCopiesDropped = dropCalendarCssCopies();
        }
        super.layoutChildren();
    }

    /** Removes the author copies of calendar.css between the pages and this pane; false while the skin is not built. */
    private boolean dropCalendarCssCopies() {
        String calendarCss = CalendarView.class.getResource("calendar.css").toExternalForm();
        for (Node n = calendarView.getWeekPage(); n != null; n = n.getParent()) {
            if (n == this) {
                return true;
            }
            if (n instanceof Parent parent) {
                parent.getStylesheets().remove(calendarCss);
            }
        }
        return false;
    }

    /**
     * Every day column (day page, the week page's seven, the per-resource view's) shows bookings as
     * {@link BookingEntryView}s. Set before the views get their skins, so that no column is built twice.
     */
    private void useBookingEntryViews(DateTimeFormatter timeFormat) {
        Callback<Entry<?>, DayEntryView> bookingView = entry -> {
            BookingEntryView view = new BookingEntryView(entry, timeFormat);
            // a screen reader names the booking: guest, resource, time and state
            if (entry.getUserObject() instanceof BookingEntry booking) {
                view.setAccessibleRole(javafx.scene.AccessibleRole.BUTTON);
                view.setAccessibleText(booking.accessibleText());
            }
            return view;
        };
        Callback<WeekView.WeekDayParameter, WeekDayView> weekDay = param -> {
            WeekDayView day = new WeekDayView();
            day.setEntryViewFactory(bookingView);
            return day;
        };
        calendarView.getDayPage().getDetailedDayView().getDayView().setEntryViewFactory(bookingView);
        calendarView.getWeekPage().getDetailedWeekView().getWeekView().setWeekDayViewFactory(weekDay);
        resourcesView.setDayViewFactory(resource -> {
            DayView day = new DayView();
            day.setEntryViewFactory(bookingView);
            return day;
        });
        resourcesView.setWeekViewFactory(resource -> {
            WeekView week = new WeekView(resourcesView.getNumberOfDays());
            week.setWeekDayViewFactory(weekDay);
            return week;
        });
    }

    private void configure(DateControl control) {
        control.setEntryFactory(param -> {
            Instant start = param.getZonedDateTime().toInstant();
            model.requestNewBooking(Optional.ofNullable(resourceOf.get(param.getCalendar())), start, start.plus(Duration.ofHours(1)));
            return null;
        });
        control.setEntryEditPolicy(param -> param.getEditOperation() != DateControl.EditOperation.DELETE
                && param.getEntry().getUserObject() instanceof BookingEntry booking && booking.movable());
        control.setEntryContextMenuCallback(param -> param.getEntry().getUserObject() instanceof BookingEntry booking
                ? entryMenu(booking) : null);
        control.setContextMenuCallback(param -> {
            MenuItem create = new MenuItem(messages.get("action.newBookingHere"));
            Instant start = param.getZonedDateTime().toInstant();
            create.setOnAction(e -> model.requestNewBooking(Optional.ofNullable(resourceOf.get(param.getCalendar())),
                    start, start.plus(Duration.ofHours(1))));
            return new ContextMenu(create);
        });
        control.setEntryDetailsPopOverContentCallback(param -> param.getEntry().getUserObject() instanceof BookingEntry booking
                ? details(booking) : new Label());
        control.setDefaultCalendarProvider(c -> calendars.values().stream().findFirst().orElse(null));
        // a double click opens the booking to change it; bookings that no longer hold time keep CalendarFX's details
        Callback<DateControl.EntryDetailsParameter, Boolean> details = control.getEntryDetailsCallback();
        control.setEntryDetailsCallback(param -> {
            if (param.getEntry().getUserObject() instanceof BookingEntry booking && booking.movable()) {
                model.openBooking(booking);
                return true;
            }
            return details.call(param);
        });
        control.addEventFilter(MouseEvent.MOUSE_PRESSED, this::dragPressed);
        control.addEventFilter(MouseEvent.MOUSE_RELEASED, this::dragReleased);
    }

    private void showMode(CalendarMode mode) {
        boolean resources = mode == CalendarMode.RESOURCES;
        if (resources && resourcesView.getParent() == null) {
            getChildren().add(0, resourcesView);
        }
        resourcesView.setVisible(resources);
        calendarView.setVisible(!resources);
        updateSuspension();
        switch (mode) {
            case DAY -> calendarView.showDayPage();
            case WEEK -> calendarView.showWeekPage();
            case MONTH -> calendarView.showMonthPage();
            case RESOURCES -> { }
        }
    }

    private void followPage(CalendarView.Page page) {
        if (model.modeProperty().get() == CalendarMode.RESOURCES || page == null) {
            return;
        }
        switch (page) {
            case DAY -> model.modeProperty().set(CalendarMode.DAY);
            case WEEK -> model.modeProperty().set(CalendarMode.WEEK);
            case MONTH -> model.modeProperty().set(CalendarMode.MONTH);
            default -> { }
        }
    }

    // ---- ViewModel -> CalendarFX

    private void rebuildCalendars() {
        applying = true;
        updateSuspension();
        try {
            List<Calendar> ordered = new ArrayList<>();
            List<com.calendarfx.model.Resource<ResourceColumn>> columns = new ArrayList<>();
            Map<UUID, Calendar> previous = new HashMap<>(calendars);
            calendars.clear();
            resourceOf.clear();
            for (ResourceColumn column : model.resources()) {
                Calendar calendar = previous.getOrDefault(column.resourceId(), new Calendar());
                calendar.setName(column.name());
                calendar.setShortName(column.name());
                calendar.setStyle(Calendar.Style.getStyle(column.styleIndex()));
                calendars.put(column.resourceId(), calendar);
                resourceOf.put(calendar, column.resourceId());
                ordered.add(calendar);
                com.calendarfx.model.Resource<ResourceColumn> resource = new com.calendarfx.model.Resource<>(column);
                CalendarSource own = new CalendarSource(column.name());
                own.getCalendars().add(calendar);
                resource.getCalendarSources().add(own);
                columns.add(resource);
            }
            source.getCalendars().setAll(ordered);
            resourcesView.getResources().setAll(columns);
        } finally {
            applying = false;
        }
        rebuildEntries();
    }

    /**
     * CalendarFX views reload all their entries whenever one calendar reports a change: with one calendar per
     * resource, refilling 20 calendars meant 20 full reloads. While the pane writes, both views are suspended and
     * load once afterwards; a hidden view or page stays suspended until it is shown (and then loads).
     */
    private void updateSuspension() {
        calendarView.setSuspendUpdates(applying || !calendarView.isVisible());
        for (PageBase page : pages()) {
            page.setSuspendUpdates(applying || !calendarView.isVisible() || calendarView.getSelectedPageView() != page);
        }
        resourcesView.setSuspendUpdates(applying || !resourcesView.isVisible());
    }

    private List<PageBase> pages() {
        return List.of(calendarView.getDayPage(), calendarView.getWeekPage(), calendarView.getMonthPage());
    }

    /**
     * Brings the calendars in line with the ViewModel's list by difference: a booking whose entry still shows it
     * as it is (same details, resource and time) keeps that entry; only new, changed and vanished bookings are
     * added or removed, each calendar's in one batch. A reload that changed nothing touches no calendar, so no
     * view reloads (a sync pull reloads the visible week after every page, mostly unchanged).
     */
    private void rebuildEntries() {
        Map<UUID, Entry<BookingEntry>> next = new HashMap<>();
        Map<Calendar, List<Entry<?>>> added = new HashMap<>();
        Map<Calendar, List<Entry<?>>> removed = new HashMap<>();
        for (BookingEntry booking : model.entries()) {
            Calendar calendar = calendars.get(booking.resourceId());
            if (calendar == null) {
                continue;
            }
            Entry<BookingEntry> current = shown.get(booking.bookingId());
            if (current != null && showsAsIs(current, booking, calendar)) {
                next.put(booking.bookingId(), current);
            } else {
                Entry<BookingEntry> entry = toEntry(booking);
                next.put(booking.bookingId(), entry);
                added.computeIfAbsent(calendar, c -> new ArrayList<>()).add(entry);
            }
        }
        for (Entry<BookingEntry> old : shown.values()) {
            if (next.get(old.getUserObject().bookingId()) != old && old.getCalendar() != null) {
                removed.computeIfAbsent(old.getCalendar(), c -> new ArrayList<>()).add(old);
            }
        }
        shown.clear();
        shown.putAll(next);
        if (!added.isEmpty() || !removed.isEmpty()) {
            List<Runnable> reselect = reselectAfterWrite(next);
            write(added, removed);
            reselect.forEach(Runnable::run);
        }
        if (firstBookingsShown != null && !model.entries().isEmpty() && getScene() != null) {
            afterNextLayout(getScene(), firstBookingsShown);
            firstBookingsShown = null;
        }
    }

    /**
     * A booking selected while its entry is replaced (a sync brought the server's copy of what staff just did) stays
     * selected: the replacement is selected once the old entry has gone, so a shortcut pressed next still finds it.
     */
    private List<Runnable> reselectAfterWrite(Map<UUID, Entry<BookingEntry>> next) {
        List<Runnable> reselect = new ArrayList<>();
        for (DateControl control : List.of(calendarView, resourcesView)) {
            for (Entry<?> selected : List.copyOf(control.getSelections())) {
                if (selected.getUserObject() instanceof BookingEntry booking) {
                    Entry<BookingEntry> replacement = next.get(booking.bookingId());
                    if (replacement != null && replacement != selected) {
                        reselect.add(() -> {
                            control.deselect(selected);
                            control.select(replacement);
                        });
                    }
                }
            }
        }
        return reselect;
    }

    /** The entry still shows the booking: same details, and not dragged elsewhere by a move the store refused. */
    private static boolean showsAsIs(Entry<BookingEntry> entry, BookingEntry booking, Calendar calendar) {
        return booking.equals(entry.getUserObject()) && entry.getCalendar() == calendar
                && entry.getStartAsZonedDateTime().toInstant().equals(booking.start())
                && entry.getEndAsZonedDateTime().toInstant().equals(booking.end());
    }

    private void write(Map<Calendar, List<Entry<?>>> added, Map<Calendar, List<Entry<?>>> removed) {
        applying = true;
        updateSuspension();
        try {
            for (Calendar calendar : calendars.values()) {
                List<Entry<?>> gone = removed.getOrDefault(calendar, List.of());
                List<Entry<?>> fresh = added.getOrDefault(calendar, List.of());
                if (gone.isEmpty() && fresh.isEmpty()) {
                    continue;
                }
                calendar.startBatchUpdates();
                try {
                    calendar.removeEntries(gone);
                    calendar.addEntries(fresh);
                } finally {
                    calendar.stopBatchUpdates();
                }
            }
            // entries of calendars no longer shown (a resource that went away) leave them too
            removed.forEach((calendar, gone) -> {
                if (!calendars.containsValue(calendar)) {
                    calendar.removeEntries(gone);
                }
            });
        } finally {
            applying = false;
            updateSuspension();
        }
    }

    /**
     * Runs {@code action} once, on the JavaFX thread, right after the first layout pass in which the calendar holds
     * bookings (the desk's "ready" moment: what startup measurements wait for).
     */
    public void whenFirstBookingsShown(Runnable action) {
        firstBookingsShown = action;
    }

    private static void afterNextLayout(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private Entry<BookingEntry> toEntry(BookingEntry booking) {
        Entry<BookingEntry> entry = new Entry<>(booking.title(),
                new Interval(booking.start(), booking.end(), model.formats().zone()), booking.bookingId().toString());
        entry.setUserObject(booking);
        entry.setLocation(booking.resourceName());
        entry.getStyleClass().addAll(booking.styleClasses());
        entry.intervalProperty().addListener((obs, old, now) -> edited(entry));
        entry.calendarProperty().addListener((obs, old, now) -> {
            if (now != null && old != null) {
                edited(entry);
            }
        });
        return entry;
    }

    // ---- CalendarFX -> ViewModel

    private void edited(Entry<BookingEntry> entry) {
        if (applying || entry.getCalendar() == null) {
            return;
        }
        BookingEntry booking = entry.getUserObject();
        UUID resource = resourceOf.getOrDefault(entry.getCalendar(), booking.resourceId());
        Instant start = entry.getStartAsZonedDateTime().toInstant();
        Instant end = entry.getEndAsZonedDateTime().toInstant();
        if (start.equals(booking.start()) && end.equals(booking.end()) && resource.equals(booking.resourceId())) {
            return;
        }
        model.reschedule(booking.bookingId(), resource, start, end);
    }

    private void dragPressed(MouseEvent event) {
        dragDayView = null;
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Node target = event.getPickResult().getIntersectedNode();
        if (insideEntry(target)) {
            // a booking clicked: Ctrl+N next offers its room
            for (Node n = target; n != null; n = n.getParent()) {
                if (n instanceof EntryViewBase<?> view && view.getEntry().getUserObject() instanceof BookingEntry booking) {
                    model.pick(booking.resourceId(), null);
                }
            }
            return;
        }
        dragDayView = dayViewOf(event.getPickResult().getIntersectedNode());
        dragStart = new Point2D(event.getSceneX(), event.getSceneY());
        if (dragDayView != null) {
            // a click on free time picks the slot that Ctrl+N starts from
            Point2D at = dragDayView.sceneToLocal(dragStart);
            model.pick(resourceOfColumn(dragDayView).orElse(null), snap(dragDayView.getInstantAt(at.getX(), at.getY())));
        }
    }

    /** Dragging over free time selects a range: the booking dialog opens with it. */
    private void dragReleased(MouseEvent event) {
        DayViewBase dayView = dragDayView;
        dragDayView = null;
        if (dayView == null || event.getButton() != MouseButton.PRIMARY
                || Math.abs(event.getSceneY() - dragStart.getY()) < MIN_DRAG_PIXELS) {
            return;
        }
        Point2D from = dayView.sceneToLocal(dragStart);
        Point2D to = dayView.sceneToLocal(event.getSceneX(), event.getSceneY());
        Instant a = snap(dayView.getInstantAt(from.getX(), from.getY()));
        Instant b = snap(dayView.getInstantAt(to.getX(), to.getY()));
        if (a.equals(b)) {
            return;
        }
        Optional<UUID> resource = resourceOfColumn(dayView);
        event.consume();
        model.requestNewBooking(resource, a.isBefore(b) ? a : b, a.isBefore(b) ? b : a);
    }

    /** The resource of a per-resource column; empty for a day or week column that shows every resource. */
    private Optional<UUID> resourceOfColumn(DayViewBase dayView) {
        if (dayView instanceof DayView day && day.getCalendars().size() == 1) {
            return Optional.ofNullable(resourceOf.get(day.getCalendars().get(0)));
        }
        return Optional.empty();
    }

    private static Instant snap(Instant instant) {
        long grid = GRID.toSeconds();
        return Instant.ofEpochSecond(Math.round(instant.getEpochSecond() / (double) grid) * grid);
    }

    private static boolean insideEntry(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof EntryViewBase) {
                return true;
            }
        }
        return false;
    }

    private static DayViewBase dayViewOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof DayViewBase dayView) {
                return dayView;
            }
        }
        return null;
    }

    // ---- menus, details, shortcuts

    private ContextMenu entryMenu(BookingEntry booking) {
        ContextMenu menu = new ContextMenu();
        for (BookingAction action : List.of(BookingAction.CHECK_IN, BookingAction.COMPLETE, BookingAction.NO_SHOW,
                BookingAction.APPROVE, BookingAction.CANCEL)) {
            // Approve only where a manager's approval is awaited: a provisional booking is not offered it
            if (action == BookingAction.APPROVE && (!mayApprove || !booking.possibleActions().contains(action))) {
                continue;
            }
            if (action == BookingAction.CANCEL) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            MenuItem item = new MenuItem(messages.get("action." + action.name()));
            item.setId("action-" + action.name());
            item.setAccelerator(shortcutOf(action));
            item.setDisable(!booking.possibleActions().contains(action));
            item.setOnAction(e -> model.perform(booking.bookingId(), action));
            menu.getItems().add(item);
        }
        menu.getItems().add(new SeparatorMenuItem());
        MenuItem history = new MenuItem(messages.get("action.history"));
        history.setId("action-history");
        history.setOnAction(e -> model.showHistory(booking));
        menu.getItems().add(history);
        return menu;
    }

    private static KeyCombination shortcutOf(BookingAction action) {
        return switch (action) {
            case CHECK_IN -> CHECK_IN;
            case COMPLETE -> COMPLETE;
            case NO_SHOW -> NO_SHOW;
            case CANCEL -> CANCEL;
            case APPROVE -> null;
        };
    }

    private void shortcut(KeyEvent event) {
        Optional<BookingEntry> selected = selectedBooking();
        if (selected.isEmpty()) {
            return;
        }
        if (OPEN.match(event)) {
            event.consume();
            model.openBooking(selected.get());
            return;
        }
        Map<KeyCombination, Duration> moves = Map.of(EARLIER, GRID.negated(), LATER, GRID,
                DAY_BEFORE, Duration.ofDays(-1), DAY_AFTER, Duration.ofDays(1));
        for (Map.Entry<KeyCombination, Duration> move : moves.entrySet()) {
            if (move.getKey().match(event)) {
                event.consume();
                model.moveBy(selected.get(), move.getValue());
                return;
            }
        }
        for (BookingAction action : List.of(BookingAction.CHECK_IN, BookingAction.COMPLETE, BookingAction.NO_SHOW, BookingAction.CANCEL)) {
            if (shortcutOf(action).match(event)) {
                event.consume();
                if (selected.get().possibleActions().contains(action)) {
                    model.perform(selected.get().bookingId(), action);
                }
                return;
            }
        }
    }

    /** The booking selected in the visible calendar, if any. */
    public Optional<BookingEntry> selectedBooking() {
        return visibleControl().getSelections().stream()
                .map(Entry::getUserObject)
                .filter(BookingEntry.class::isInstance)
                .map(BookingEntry.class::cast)
                .findFirst();
    }

    private Node details(BookingEntry booking) {
        VBox box = new VBox(4);
        box.getStyleClass().add("booking-details");
        box.getChildren().add(new Label(booking.customerName()));
        box.getChildren().add(new Label(booking.resourceName()));
        box.getChildren().add(new Label(model.formats().dateTime(booking.start()) + " \u2013 " + model.formats().time(booking.end())));
        box.getChildren().add(new Label(messages.get("status." + booking.status().name())
                + (booking.checkedIn() ? " \u00b7 " + messages.get("calendar.checkedIn") : "")
                + (booking.provisional() ? " \u00b7 " + messages.get("calendar.provisional") : "")));
        if (!booking.priceText().isEmpty()) {
            box.getChildren().add(new Label(booking.priceText()));
        }
        if (!booking.notes().isBlank()) {
            Label notes = new Label(booking.notes());
            notes.setWrapText(true);
            notes.setMaxWidth(260);
            box.getChildren().add(notes);
        }
        box.setStyle("-fx-padding: 10;");
        return box;
    }

    /** The CalendarFX control on show: the day/week/month view or the per-resource view. */
    DateControl visibleControl() {
        return calendarView.isVisible() ? calendarView : resourcesView;
    }

    /** For tests and screenshots: the entries CalendarFX holds for a resource. */
    public List<Entry<?>> entriesOf(UUID resourceId) {
        Calendar calendar = calendars.get(resourceId);
        if (calendar == null) {
            return List.of();
        }
        Map<java.time.LocalDate, List<Entry<?>>> byDay = calendar.findEntries(
                model.visibleRange().start().atZone(model.formats().zone()).toLocalDate(),
                model.visibleRange().end().atZone(model.formats().zone()).toLocalDate(), model.formats().zone());
        return byDay.values().stream().flatMap(List::stream).distinct().toList();
    }
}
