package com.venuedesk.desk.conflicts;

import atlantafx.base.theme.Styles;
import com.venuedesk.desk.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The conflict inbox as a side panel; hidden while it is empty. */
public final class ConflictsView extends VBox {
    private final VBox cards = new VBox(8);

    public ConflictsView(ConflictsViewModel model, Messages messages) {
        super(8);
        setId("conflicts");
        getStyleClass().add("conflicts-panel");
        setPadding(new Insets(10));
        setPrefWidth(300);
        Label title = new Label(messages.get("conflict.inbox"));
        title.getStyleClass().add(Styles.TITLE_4);
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(title, scroll);
        visibleProperty().bind(Bindings.isNotEmpty(model.items()));
        managedProperty().bind(visibleProperty());
        model.items().addListener((ListChangeListener<ConflictsViewModel.ConflictCard>) change -> render(model, messages));
    }

    private void render(ConflictsViewModel model, Messages messages) {
        cards.getChildren().clear();
        for (ConflictsViewModel.ConflictCard card : model.items()) {
            VBox box = new VBox(4);
            box.getStyleClass().add("conflict-card");
            // a screen reader names the card: guest, resource, time, what happened; Tab reaches it
            box.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
            box.setAccessibleText(card.accessibleText());
            box.setFocusTraversable(true);
            Label head = new Label(card.title());
            head.getStyleClass().addAll(Styles.TEXT_BOLD, "conflict-title");
            Label detail = new Label(card.detail());
            detail.getStyleClass().add("conflict-detail");
            detail.setWrapText(true);
            box.getChildren().addAll(head, detail);
            for (ConflictsViewModel.Choice choice : card.choices()) {
                Button take = new Button(messages.get("conflict.take", choice.label()));
                take.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT, "conflict-alternative");
                take.setWrapText(true);
                take.setAccessibleText(messages.get("conflict.take", choice.label()));
                take.setOnAction(e -> model.take(card, choice));
                box.getChildren().add(take);
            }
            Button resolve = new Button(messages.get("conflict.resolve"));
            resolve.getStyleClass().addAll(Styles.SMALL, "conflict-resolve");
            resolve.setOnAction(e -> model.resolve(card));
            box.getChildren().add(resolve);
            cards.getChildren().add(box);
        }
    }
}
