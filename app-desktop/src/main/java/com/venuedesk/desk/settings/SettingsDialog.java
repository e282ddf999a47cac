package com.venuedesk.desk.settings;

import atlantafx.base.theme.Styles;
import com.venuedesk.desk.i18n.Messages;
import java.util.Locale;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The settings dialog (managers only). */
public final class SettingsDialog extends Dialog<Void> {

    public SettingsDialog(SettingsViewModel model, Messages messages, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(messages.get("settings.title"));
        setHeaderText(messages.get("settings.header"));
        getDialogPane().setId("settingsDialog");

        TextField server = new TextField();
        server.setId("serverUrl");
        server.setPromptText(messages.get("settings.server.prompt"));
        server.setAccessibleText(messages.get("settings.server"));
        server.setPrefColumnCount(28);
        server.textProperty().bindBidirectional(model.serverUrlProperty());
        ComboBox<Locale> language = new ComboBox<>();
        language.setId("language");
        language.setAccessibleText(messages.get("settings.language"));
        language.getItems().setAll(SettingsViewModel.LANGUAGES);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale locale) {
                return locale == null ? "" : locale.getDisplayLanguage(locale);
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        });
        language.valueProperty().bindBidirectional(model.languageProperty());
        TextField zone = new TextField();
        zone.setId("venueZone");
        zone.setAccessibleText(messages.get("settings.zone"));
        zone.textProperty().bindBidirectional(model.venueZoneProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.addRow(0, caption(messages.get("settings.server"), server), server);
        grid.add(error(model.serverUrlErrorProperty()), 1, 1);
        grid.addRow(2, caption(messages.get("settings.language"), language), language);
        grid.addRow(3, caption(messages.get("settings.zone"), zone), zone);
        grid.add(error(model.venueZoneErrorProperty()), 1, 4);
        Label restart = new Label(messages.get("settings.restart"));
        restart.getStyleClass().add(Styles.TEXT_MUTED);
        grid.add(restart, 1, 5);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            if (!model.save()) {
                event.consume();
            }
        });
    }

    private static Label caption(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        return label;
    }

    private static Label error(javafx.beans.property.StringProperty text) {
        Label label = new Label();
        label.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
