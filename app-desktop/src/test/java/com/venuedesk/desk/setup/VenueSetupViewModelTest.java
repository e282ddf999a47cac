package com.venuedesk.desk.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.i18n.Messages;
import com.venuedesk.desk.task.SameThreadTaskExecutor;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class VenueSetupViewModelTest {
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final List<VenueSetupClient.SetupRequest> sent = new ArrayList<>();
    private final List<String> setUp = new ArrayList<>();

    private VenueSetupViewModel model(VenueSetupClient.Outcome answer) {
        return new VenueSetupViewModel(request -> {
            sent.add(request);
            return answer;
        }, tasks, new Messages(Locale.ENGLISH), ZoneId.of("Europe/Berlin"), setUp::add);
    }

    private static void fill(VenueSetupViewModel model) {
        model.venueNameProperty().set("  Hall 7 ");
        model.usernameProperty().set("maria");
        model.passwordProperty().set("chosen-by-maria-1");
        model.passwordRepeatProperty().set("chosen-by-maria-1");
    }

    @Test
    void aCompleteFormSetsTheVenueUpWithThePasswordThePersonChose() {
        VenueSetupViewModel model = model(new VenueSetupClient.Outcome.SetUp("maria"));
        fill(model);
        model.setUp();
        assertThat(sent).containsExactly(new VenueSetupClient.SetupRequest("Hall 7", "Europe/Berlin", "maria",
                "chosen-by-maria-1"));
        assertThat(setUp).containsExactly("maria");
        assertThat(model.passwordProperty().get()).as("not kept in the form").isEmpty();
    }

    @Test
    void emptyOrWrongFieldsGetAMessageNextToThemAndNothingIsSent() {
        VenueSetupViewModel model = model(new VenueSetupClient.Outcome.SetUp("x"));
        model.timeZoneProperty().set("Mars/Olympus");
        model.usernameProperty().set("a b");
        model.passwordProperty().set("short");
        model.setUp();
        assertThat(sent).isEmpty();
        assertThat(model.errorProperty("venueName").get()).contains("venue's name");
        assertThat(model.errorProperty("timeZone").get()).contains("time zone");
        assertThat(model.errorProperty("username").get()).contains("username");
        assertThat(model.errorProperty("password").get()).contains("at least 10 characters");

        model.venueNameProperty().set("Hall 7");
        assertThat(model.errorProperty("venueName").get()).as("cleared on edit").isEmpty();
    }

    @Test
    void twoDifferentPasswordsAreRefusedNextToTheRepetition() {
        VenueSetupViewModel model = model(new VenueSetupClient.Outcome.SetUp("maria"));
        fill(model);
        model.passwordRepeatProperty().set("chosen-by-maria-2");
        model.setUp();
        assertThat(sent).isEmpty();
        assertThat(model.errorProperty("passwordRepeat").get()).isEqualTo("The two passwords differ.");
    }

    @Test
    void theServersRefusalGoesNextToTheFieldItNamesOrUnderTheForm() {
        VenueSetupViewModel model = model(new VenueSetupClient.Outcome.Refused("username", "username is taken"));
        fill(model);
        model.setUp();
        assertThat(model.errorProperty("username").get()).isEqualTo("username is taken");
        assertThat(setUp).isEmpty();

        VenueSetupViewModel done = model(new VenueSetupClient.Outcome.Refused(null, "this venue has accounts already"));
        fill(done);
        done.setUp();
        assertThat(done.hintProperty().get()).isEqualTo("this venue has accounts already");
        assertThat(done.busyProperty().get()).isFalse();
    }
}
