package com.venuedesk.desk.admin;

import com.venuedesk.desk.dialog.DialogService;
import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.sync.NotSignedInException;
import com.venuedesk.desk.sync.ProblemException;
import com.venuedesk.desk.sync.ServerUnreachableException;
import com.venuedesk.desk.task.TaskExecutor;
import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Location;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.ResourceType;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Managers' administration: resources (with price, time zone, approval), their opening hours, and blackout days.
 * Changes go straight to the server (online only); the server's problem+json {@code field} puts the message next
 * to the matching input. After each accepted change a sync is requested so that the calendar learns of it.
 */
public final class AdminViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AdminViewModel.class);

    /** Input fields that can carry an error, named as the server names them. */
    public static final Set<String> RESOURCE_FIELDS = Set.of("name", "type", "capacity", "pricePerHour.amount",
            "pricePerHour.currency", "timeZone");
    public static final Set<String> RULE_FIELDS = Set.of("dayOfWeek", "startTime", "endTime", "validFrom", "validTo");
    public static final Set<String> BLACKOUT_FIELDS = Set.of("resourceId", "startDate", "endDate", "reason");

    private final AdminClient client;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final Runnable afterChange;

    private final BooleanProperty online = new SimpleBooleanProperty(true);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty notice = new SimpleStringProperty("");
    private final Map<String, StringProperty> errors = new HashMap<>();

    private final ObservableList<AdminResource> resources = FXCollections.observableArrayList();
    private final ObjectProperty<AdminResource> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObjectProperty<ResourceType> type = new SimpleObjectProperty<>(ResourceType.MEETING_ROOM);
    private final StringProperty capacity = new SimpleStringProperty("1");
    private final StringProperty price = new SimpleStringProperty("0.00");
    private final StringProperty currency = new SimpleStringProperty("EUR");
    private final StringProperty timeZone = new SimpleStringProperty("");
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final BooleanProperty requiresApproval = new SimpleBooleanProperty(false);

    private final ObservableList<AvailabilityRule> rules = FXCollections.observableArrayList();
    private final ObjectProperty<DayOfWeek> ruleDay = new SimpleObjectProperty<>(DayOfWeek.MONDAY);
    private final StringProperty ruleStart = new SimpleStringProperty("09:00");
    private final StringProperty ruleEnd = new SimpleStringProperty("17:00");
    private final BooleanProperty ruleAvailable = new SimpleBooleanProperty(true);

    private final ObservableList<Blackout> blackouts = FXCollections.observableArrayList();
    private final ObjectProperty<AdminResource> blackoutResource = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> blackoutStart = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> blackoutEnd = new SimpleObjectProperty<>();
    private final StringProperty blackoutReason = new SimpleStringProperty("");

    private final String defaultZone;

    /**
     * @param defaultZone the venue's zone, proposed for new resources
     * @param afterChange asks for a sync after the server accepted a change
     */
    public AdminViewModel(AdminClient client, TaskExecutor tasks, DialogService dialogs, Messages messages, ZoneId defaultZone,
                          Runnable afterChange) {
        this.client = client;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.afterChange = afterChange;
        this.defaultZone = defaultZone.getId();
        timeZone.set(this.defaultZone);
        RESOURCE_FIELDS.forEach(this::errorProperty);
        RULE_FIELDS.forEach(this::errorProperty);
        BLACKOUT_FIELDS.forEach(this::errorProperty);
        selected.addListener((obs, old, resource) -> show(resource));
        online.addListener((obs, was, now) -> {
            if (now && !was) {
                reload();
            }
        });
    }

    // ---- loading

    /** Reads resources and blackouts (and the selected resource's rules) from the server. */
    public void reload() {
        reload(() -> { });
    }

    /** Reloads, then runs {@code then} (e.g. to explain why the form changed). */
    private void reload(Runnable then) {
        if (!online.get()) {
            notice.set(messages.get("admin.offline"));
            return;
        }
        UUID keep = selected.get() == null ? null : selected.get().id();
        remote(() -> new Loaded(client.resources(), client.blackouts()), loaded -> {
            notice.set("");
            resources.setAll(loaded.resources().stream().sorted(Comparator.comparing(AdminResource::name, String.CASE_INSENSITIVE_ORDER)).toList());
            blackouts.setAll(loaded.blackouts().stream().sorted(Comparator.comparing(Blackout::startDate)).toList());
            if (keep != null) {
                resources.stream().filter(r -> r.id().equals(keep)).findFirst().ifPresent(selected::set);
            }
            then.run();
        }, Set.of());
    }

    private record Loaded(List<AdminResource> resources, List<Blackout> blackouts) { }

    private void show(AdminResource resource) {
        clearErrors(RESOURCE_FIELDS);
        rules.clear();
        if (resource == null) {
            return;
        }
        name.set(resource.name());
        description.set(resource.description());
        type.set(resource.type());
        capacity.set(String.valueOf(resource.capacity()));
        price.set(resource.pricePerHour() == null ? "" : resource.pricePerHour().amount());
        currency.set(resource.pricePerHour() == null ? "" : resource.pricePerHour().currency());
        timeZone.set(resource.timeZone());
        active.set(resource.active());
        requiresApproval.set(resource.requiresApproval());
        loadRules(resource.id());
    }

    private void loadRules(UUID resourceId) {
        if (!online.get()) {
            return;
        }
        remote(() -> client.rules(resourceId), loaded -> {
            if (selected.get() != null && selected.get().id().equals(resourceId)) {
                rules.setAll(loaded.stream().sorted(Comparator.comparing(AvailabilityRule::dayOfWeek)
                        .thenComparing(AvailabilityRule::startTime)).toList());
            }
        }, Set.of());
    }

    // ---- resources

    /** Empties the resource form for a new one. */
    public void newResource() {
        selected.set(null);
        name.set("");
        description.set("");
        type.set(ResourceType.MEETING_ROOM);
        capacity.set("1");
        price.set("0.00");
        timeZone.set(defaultZone);
        active.set(true);
        requiresApproval.set(false);
    }

    /** Checks the form with the resource record's own rules, then creates or changes it on the server. */
    public void saveResource() {
        clearErrors(RESOURCE_FIELDS);
        AdminResource draft = resourceFromForm();
        if (draft == null || !requireOnline()) {
            return;
        }
        boolean fresh = selected.get() == null;
        remote(() -> fresh ? client.createResource(draft) : client.updateResource(draft), saved -> {
            LOG.info("Resource {} {} on the server", saved.id(), fresh ? "created" : "changed");
            dialogs.notify(messages.get("admin.resourceSaved", saved.name()));
            int at = indexOf(saved.id());
            if (at >= 0) {
                resources.set(at, saved);
            } else {
                resources.add(saved);
            }
            selected.set(saved);
            afterChange.run();
        }, RESOURCE_FIELDS);
    }

    private AdminResource resourceFromForm() {
        AdminResource current = selected.get();
        int seats;
        try {
            seats = Integer.parseInt(capacity.get().strip());
        } catch (NumberFormatException e) {
            error("capacity", messages.get("admin.notANumber"));
            return null;
        }
        Money perHour;
        try {
            perHour = new Money(new BigDecimal(price.get().strip().replace(',', '.')), currency.get().strip().toUpperCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            error("pricePerHour.amount", messages.get("admin.notAnAmount"));
            return null;
        } catch (DomainException e) {
            error("pricePerHour." + e.field(), e.getMessage());
            return null;
        }
        UUID id = current == null ? UUID.randomUUID() : current.id();
        try {
            // the shared record's rules first: the user sees the message without a round trip
            new Resource(id, name.get().strip(), description.get(), type.get(), seats, perHour, Location.none(), List.of(),
                    active.get(), null, Resource.zone(timeZone.get().strip()), 0);
        } catch (DomainException e) {
            error(e.field(), e.getMessage());
            return null;
        }
        return new AdminResource(id, name.get().strip(), description.get(), type.get(), seats,
                new AdminResource.Price(perHour.amount().toPlainString(), perHour.currency()), timeZone.get().strip(),
                current == null ? null : current.location(), current == null ? List.of() : current.amenities(), active.get(),
                current == null ? null : current.managerId(), requiresApproval.get(), current == null ? 0 : current.revision());
    }

    private int indexOf(UUID id) {
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    // ---- opening hours

    /** Adds the rule in the form to the selected resource. */
    public void addRule() {
        clearErrors(RULE_FIELDS);
        AdminResource resource = selected.get();
        if (resource == null) {
            notice.set(messages.get("admin.pickResource"));
            return;
        }
        LocalTime from = time("startTime", ruleStart.get());
        LocalTime to = time("endTime", ruleEnd.get());
        if (from == null || to == null || !requireOnline()) {
            return;
        }
        AdminClient.RuleInput input = new AdminClient.RuleInput(ruleDay.get(), from, to, ruleAvailable.get(), null, null);
        try {
            new AvailabilityRule(UUID.randomUUID(), resource.id(), input.dayOfWeek(), from, to, input.available(), null, null, 0);
        } catch (DomainException e) {
            error(e.field(), e.getMessage());
            return;
        }
        remote(() -> client.addRule(resource.id(), input), added -> {
            dialogs.notify(messages.get("admin.ruleAdded"));
            loadRules(resource.id());
            afterChange.run();
        }, RULE_FIELDS);
    }

    public void deleteRule(AvailabilityRule rule) {
        if (!requireOnline() || !dialogs.confirm(messages.get("admin.hours"), messages.get("admin.confirmDeleteRule"))) {
            return;
        }
        remote(() -> {
            client.deleteRule(rule.resourceId(), rule.id());
            return rule;
        }, removed -> {
            rules.remove(removed);
            afterChange.run();
        }, Set.of());
    }

    private LocalTime time(String field, String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            error(field, messages.get("admin.notATime"));
            return null;
        }
    }

    // ---- blackouts

    /** Adds blackout days for the chosen resource, or the whole venue when none is chosen. */
    public void addBlackout() {
        clearErrors(BLACKOUT_FIELDS);
        AdminResource resource = blackoutResource.get();
        UUID resourceId = resource == null ? null : resource.id();
        try {
            new Blackout(UUID.randomUUID(), resourceId, blackoutStart.get(), blackoutEnd.get(), blackoutReason.get(), 0);
        } catch (DomainException e) {
            error(e.field(), e.getMessage());
            return;
        }
        if (!requireOnline()) {
            return;
        }
        AdminClient.BlackoutInput input = new AdminClient.BlackoutInput(resourceId, blackoutStart.get(), blackoutEnd.get(),
                blackoutReason.get().strip());
        remote(() -> client.addBlackout(input), added -> {
            dialogs.notify(messages.get("admin.blackoutAdded"));
            blackouts.add(added);
            blackouts.sort(Comparator.comparing(Blackout::startDate));
            blackoutReason.set("");
            afterChange.run();
        }, BLACKOUT_FIELDS);
    }

    public void deleteBlackout(Blackout blackout) {
        if (!requireOnline() || !dialogs.confirm(messages.get("admin.blackouts"), messages.get("admin.confirmDeleteBlackout"))) {
            return;
        }
        remote(() -> {
            client.deleteBlackout(blackout.id());
            return blackout;
        }, removed -> {
            blackouts.remove(removed);
            afterChange.run();
        }, Set.of());
    }

    /** The resource a blackout belongs to, or "whole venue". */
    public String blackoutScope(Blackout blackout) {
        if (blackout.resourceId() == null) {
            return messages.get("admin.wholeVenue");
        }
        return resources.stream().filter(r -> r.id().equals(blackout.resourceId())).map(AdminResource::name).findFirst()
                .orElse(blackout.resourceId().toString());
    }

    // ---- plumbing

    private boolean requireOnline() {
        if (!online.get()) {
            notice.set(messages.get("admin.offline"));
            return false;
        }
        return true;
    }

    /** Runs a server call in the background and sorts its failure into field error, offline notice or report. */
    private <T> void remote(Callable<T> call, Consumer<T> onSuccess, Set<String> formFields) {
        busy.set(true);
        tasks.run(call, result -> {
            busy.set(false);
            notice.set("");
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            failed(failure, formFields);
        });
    }

    private com.venuedesk.desk.i18n.RefusalWords words() {
        return new com.venuedesk.desk.i18n.RefusalWords(messages, new com.venuedesk.desk.i18n.VenueFormats(ZoneId.of(defaultZone), messages.locale()));
    }

    private void failed(Exception failure, Set<String> formFields) {
        if (failure instanceof ServerUnreachableException) {
            LOG.info("Admin call failed, server unreachable: {}", failure.getMessage());
            online.set(false);
            notice.set(messages.get("admin.offline"));
        } else if (failure instanceof NotSignedInException) {
            notice.set(messages.get("admin.signInAgain"));
        } else if (failure instanceof ProblemException problem) {
            String field = fieldOf(problem.problem().field());
            if (field != null && formFields.contains(field)) {
                error(field, words().problem(problem.problem().type(), problem.problem().detail(), problem.problem().title()));
            } else if (problem.status() == 403) {
                notice.set(messages.get("admin.forbidden"));
            } else if (problem.status() == 412) {
                reload(() -> notice.set(messages.get("admin.stale")));
            } else {
                notice.set(words().problem(problem.problem().type(), problem.problem().detail(), problem.problem().title()));
            }
        } else {
            tasks.reportFailure(failure);
        }
    }

    /** The server may name the money as a whole; the form shows that next to the amount. */
    private static String fieldOf(String field) {
        if ("pricePerHour".equals(field) || "amount".equals(field)) {
            return "pricePerHour.amount";
        }
        if ("currency".equals(field)) {
            return "pricePerHour.currency";
        }
        return field;
    }

    private void error(String field, String message) {
        StringProperty target = field == null ? null : errors.get(fieldOf(field));
        if (target != null) {
            target.set(message);
        } else {
            notice.set(message);
        }
    }

    private void clearErrors(Set<String> fields) {
        fields.forEach(f -> errors.get(f).set(""));
        notice.set("");
    }

    /** The error text shown next to {@code field} (server field names, e.g. {@code pricePerHour.amount}). */
    public StringProperty errorProperty(String field) {
        return errors.computeIfAbsent(field, f -> new SimpleStringProperty(""));
    }

    /** False while the server cannot be reached: the screen then says admin needs a connection. */
    public BooleanProperty onlineProperty() {
        return online;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** A message for the whole screen (offline, forbidden, stale), empty when there is none. */
    public StringProperty noticeProperty() {
        return notice;
    }

    public ObservableList<AdminResource> resources() {
        return resources;
    }

    public ObjectProperty<AdminResource> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ObjectProperty<ResourceType> typeProperty() {
        return type;
    }

    public StringProperty capacityProperty() {
        return capacity;
    }

    public StringProperty priceProperty() {
        return price;
    }

    public StringProperty currencyProperty() {
        return currency;
    }

    public StringProperty timeZoneProperty() {
        return timeZone;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public BooleanProperty requiresApprovalProperty() {
        return requiresApproval;
    }

    public ObservableList<AvailabilityRule> rules() {
        return rules;
    }

    public ObjectProperty<DayOfWeek> ruleDayProperty() {
        return ruleDay;
    }

    public StringProperty ruleStartProperty() {
        return ruleStart;
    }

    public StringProperty ruleEndProperty() {
        return ruleEnd;
    }

    public BooleanProperty ruleAvailableProperty() {
        return ruleAvailable;
    }

    public ObservableList<Blackout> blackouts() {
        return blackouts;
    }

    public ObjectProperty<AdminResource> blackoutResourceProperty() {
        return blackoutResource;
    }

    public ObjectProperty<LocalDate> blackoutStartProperty() {
        return blackoutStart;
    }

    public ObjectProperty<LocalDate> blackoutEndProperty() {
        return blackoutEnd;
    }

    public StringProperty blackoutReasonProperty() {
        return blackoutReason;
    }
}
