package com.venuedesk.desk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.calendarfx.model.Calendar;
import com.calendarfx.model.CalendarSource;
import com.calendarfx.model.Entry;
import com.calendarfx.model.Interval;
import com.calendarfx.view.DayView;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The light booking entry view inside real CalendarFX day views (Monocle), styled by the calendar's stylesheet. */
@ExtendWith(ApplicationExtension.class)
class BookingEntryViewTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private final Calendar roomA = new Calendar("Room A");
    private final Calendar roomB = new Calendar("Room B");
    private final Entry<String> confirmed = entry("Ada Lovelace", 10, List.of("booking", "booking-confirmed"));
    private final Entry<String> provisional = entry("Grace Hopper (provisional)", 14,
            List.of("booking", "booking-pending", "booking-provisional"));
    private DayView wide;
    private DayView narrow;
    private DayView medium;
    private DayView roomy;

    @Start
    void start(Stage stage) {
        roomA.setStyle(Calendar.Style.STYLE1);
        roomB.setStyle(Calendar.Style.STYLE2);
        roomA.addEntry(confirmed);
        roomB.addEntry(provisional);
        CalendarSource source = new CalendarSource("Venue");
        source.getCalendars().setAll(roomA, roomB);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.GERMANY);
        wide = dayView(source, time, 300);
        narrow = dayView(source, time, 16);
        medium = dayView(source, time, 48);
        roomy = dayView(source, time, 84);
        Scene scene = new Scene(new HBox(wide, narrow, medium, roomy), 448, 1000);
        scene.getStylesheets().add(BookingEntryView.class.getResource("bookings.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static DayView dayView(CalendarSource source, DateTimeFormatter time, double width) {
        DayView view = new DayView();
        view.setEntryViewFactory(entry -> new BookingEntryView(entry, time));
        view.setZoneId(ZONE);
        view.setDate(DAY);
        view.getCalendarSources().add(source);
        view.setMinWidth(width);
        view.setPrefWidth(width);
        view.setMaxWidth(width);
        return view;
    }

    private static Entry<String> entry(String title, int hour, List<String> styleClasses) {
        Entry<String> entry = new Entry<>(title, new Interval(DAY.atTime(hour, 0).atZone(ZONE).toInstant(),
                DAY.atTime(hour + 2, 0).atZone(ZONE).toInstant(), ZONE));
        entry.getStyleClass().addAll(styleClasses);
        return entry;
    }

    private static BookingEntryView shown(FxRobot robot, DayView in, Entry<?> entry) {
        return robot.from(in).lookup((javafx.scene.Node node) -> node instanceof BookingEntryView view && view.getEntry() == entry)
                .queryAs(BookingEntryView.class);
    }

    @Test
    void aWideEntryShowsTitleAndStartTimeInItsCalendarsColourWithCalendarFxsStyleClasses(FxRobot robot) {
        BookingEntryView view = shown(robot, wide, confirmed);

        assertThat(view.getStyleClass()).contains("default-style-entry", "style1-entry", "booking", "booking-confirmed");
        assertThat(view.titleText().getText()).isEqualTo("Ada Lovelace");
        assertThat(view.titleText().isVisible()).isTrue();
        assertThat(view.titleText().getFont().getStyle()).containsIgnoringCase(FontWeight.BOLD.name());
        assertThat(view.timeText().getText()).isEqualTo(LocalTime.of(10, 0).toString());
        assertThat(view.timeText().isVisible()).isTrue();
        Color fill = (Color) view.titleText().getFill();
        assertThat(fill).isNotEqualTo(Color.BLACK).isNotEqualTo(Color.WHITE);
        assertThat(fill).isNotEqualTo(shown(robot, wide, provisional).titleText().getFill());
    }

    @Test
    void provisionalBookingsAreSetInItalicsAndConfirmedOnesAreNot(FxRobot robot) {
        Text provisionalTitle = shown(robot, wide, provisional).titleText();
        Text confirmedTitle = shown(robot, wide, confirmed).titleText();

        assertThat(shown(robot, wide, provisional).getStyleClass()).contains("style2-entry", "booking-provisional");
        assertThat(slanted(provisionalTitle)).isTrue();
        assertThat(slanted(confirmedTitle)).isFalse();
    }

    /** Without Arial the font falls back to one whose slanted face may be called oblique rather than italic. */
    private static boolean slanted(Text text) {
        String style = text.getFont().getStyle().toLowerCase(Locale.ROOT);
        return style.contains("italic") || style.contains("oblique");
    }

    @Test
    void aSelectedEntryWritesInWhite(FxRobot robot) {
        WaitForAsyncUtils.asyncFx(() -> wide.getSelections().add(confirmed));
        WaitForAsyncUtils.waitForFxEvents();

        BookingEntryView view = shown(robot, wide, confirmed);
        assertThat(view.isSelected()).isTrue();
        assertThat(view.titleText().getFill()).isEqualTo(Color.WHITE);
    }

    @Test
    void anEntryTooNarrowForALetterBuildsNoTextButStaysAnEntryOfItsCalendar(FxRobot robot) {
        BookingEntryView view = shown(robot, narrow, confirmed);

        assertThat(view.getWidth()).as("entry width in a %s px column", narrow.getWidth())
                .isLessThan(2 * 4 + BookingEntryView.MIN_TEXT_WIDTH);
        assertThat(view.getHeight()).isPositive();
        assertThat(view.titleText()).isNull();
        assertThat(view.timeText()).isNull();
        assertThat(view.getChildrenUnmodifiable()).isEmpty();
        assertThat(view.getStyleClass()).contains("style1-entry", "booking");
    }

    @Test
    void aTitleTooWideForItsEntryStaysOnOneLineClippedAtTheEdgeInsteadOfBreakingAfterEveryLetter(FxRobot robot) {
        BookingEntryView view = shown(robot, medium, confirmed);

        assertThat(view.getWidth()).isLessThan(2 * 4 + BookingEntryView.MIN_WRAP_WIDTH);
        assertThat(view.titleText()).isNotNull();
        assertThat(view.titleText().getText()).isEqualTo("Ada Lovelace");
        assertThat(view.titleText().getWrappingWidth()).isZero();
        assertThat(view.titleText().getLayoutBounds().getWidth()).isGreaterThan(view.getWidth());
        assertThat(shown(robot, wide, confirmed).titleText().getWrappingWidth()).isPositive();
    }

    @Test
    void aTitleWrapsBetweenWordsOnlyWhenEachOfItsWordsFitsOnALine(FxRobot robot) {
        BookingEntryView ada = shown(robot, roomy, confirmed);
        BookingEntryView grace = shown(robot, roomy, provisional);
        double line = ada.getWidth() - 2 * 4;

        assertThat(line).isGreaterThanOrEqualTo(BookingEntryView.MIN_WRAP_WIDTH);
        assertThat(widestWord(ada.titleText())).isLessThanOrEqualTo(line);
        assertThat(ada.titleText().getWrappingWidth()).isPositive();
        // "(provisional)" is wider than the line: wrapped, it would break inside the word
        assertThat(widestWord(grace.titleText())).isGreaterThan(grace.getWidth() - 2 * 4);
        assertThat(grace.titleText().getWrappingWidth()).isZero();
    }

    private static double widestWord(Text title) {
        Text probe = new Text();
        probe.setFont(title.getFont());
        double widest = 0;
        for (String word : title.getText().split(" ")) {
            probe.setText(word);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return widest;
    }
}
