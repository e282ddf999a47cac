package com.venuedesk.desk.navigation;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NavigationViewModelTest {

    @Test
    void frontDeskStaffAreNotOfferedAdministrationNorTheDashboard() {
        assertThat(Section.offeredTo(Role.FRONT_DESK)).containsExactly(Section.CALENDAR, Section.CUSTOMERS, Section.HANDOVER,
                Section.CONFLICTS);
        assertThat(Section.offeredTo(Role.MANAGER)).endsWith(Section.ADMIN, Section.DASHBOARD);
        assertThat(Section.offeredTo(Role.ADMIN)).endsWith(Section.ADMIN, Section.DASHBOARD);
    }

    @Test
    void theCalendarIsShownFirstAndNumbersOpenSectionsInOrder() {
        NavigationViewModel model = new NavigationViewModel(Section.offeredTo(Role.MANAGER));
        assertThat(model.currentProperty().get()).isEqualTo(Section.CALENDAR);

        model.openNumber(3);
        assertThat(model.currentProperty().get()).isEqualTo(Section.HANDOVER);

        model.openNumber(5);
        assertThat(model.currentProperty().get()).isEqualTo(Section.ADMIN);
    }

    @Test
    void aSectionTheRoleLacksCannotBeOpenedByNumberOrName() {
        NavigationViewModel model = new NavigationViewModel(Section.offeredTo(Role.FRONT_DESK));
        model.openNumber(2);

        model.openNumber(5);
        model.open(Section.ADMIN);

        assertThat(model.currentProperty().get()).isEqualTo(Section.CUSTOMERS);
        assertThat(model.offers(Section.ADMIN)).isFalse();
    }

    @Test
    void openingASectionRefreshesItsScreen() {
        NavigationViewModel model = new NavigationViewModel(Section.offeredTo(Role.FRONT_DESK));
        List<String> refreshed = new ArrayList<>();
        model.whenOpened(Section.HANDOVER, () -> refreshed.add("handover"));

        model.open(Section.HANDOVER);
        model.open(Section.CALENDAR);
        model.open(Section.HANDOVER);

        assertThat(refreshed).containsExactly("handover", "handover");
    }
}
