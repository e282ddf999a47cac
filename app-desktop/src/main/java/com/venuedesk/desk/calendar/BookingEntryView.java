package com.venuedesk.desk.calendar;

import com.calendarfx.model.Calendar;
import com.calendarfx.model.Entry;
import com.calendarfx.view.DayEntryView;
import com.calendarfx.view.DayView;
import com.calendarfx.view.DraggedEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.VPos;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A booking in a day, week or resource column. It is CalendarFX's {@link DayEntryView} (selection, dragging,
 * resizing, context menu and details pop-over all stay CalendarFX's) with a lighter skin: the default skin builds
 * two wrapping {@code Label}s (four styled nodes with their own skins and ellipsis measuring) for every entry, which
 * made a busy week spend most of its time in CSS and text layout. This skin shows title and start time as two plain
 * {@link Text}s, and creates them only once the entry is wide enough to show a letter: in a week with twenty rooms
 * booked at once an entry is a few pixels wide, and the texts would be clipped away entirely.
 *
 * <p>Style classes: the view carries {@code default-style-entry}, {@code styleN-entry} (its calendar's colour) and
 * the entry's own classes ({@code booking}, {@code booking-provisional}, ...), as CalendarFX's skin sets them; the
 * texts carry {@code booking-text} and {@code booking-title} or {@code booking-time} (see bookings.css).
 */
final class BookingEntryView extends DayEntryView {
    /** Narrower than this (content width, px) the texts would be clipped to nothing: they are not built. */
    static final double MIN_TEXT_WIDTH = 14;
    /**
     * Narrower than this (content width, px) the title stays on one line, clipped at the entry's edge: wrapped, a
     * name would break after every letter or two, into a column that reads as nothing.
     */
    static final double MIN_WRAP_WIDTH = 64;
    private static final double TEXT_INSET_X = 4;
    private static final double TIME_GAP_Y = 2;
    /** The titles' font size relative to the default (bookings.css). */
    private static final double TITLE_EM = 0.9;
    private static final double LINE_HEIGHT = 1.3;

    private final DateTimeFormatter timeFormat;

    BookingEntryView(Entry<?> entry, DateTimeFormatter timeFormat) {
        super(entry);
        this.timeFormat = timeFormat;
        // styled now, before the view joins the scene: setting classes later makes JavaFX match it twice
        applyStyleClasses(this);
    }

    /** The classes CalendarFX's own skin gives an entry view, so that its colours and states apply unchanged. */
    private static void applyStyleClasses(DayEntryView view) {
        Entry<?> entry = view.getEntry();
        Calendar calendar = entry instanceof DraggedEntry dragged ? dragged.getOriginalCalendar() : entry.getCalendar();
        if (calendar == null) {
            // removed from its calendar: the view is about to go
            return;
        }
        List<String> classes = new ArrayList<>(2 + entry.getStyleClass().size());
        classes.add("default-style-entry");
        classes.add(calendar.getStyle() + "-entry");
        classes.addAll(entry.getStyleClass());
        if (!view.getStyleClass().equals(classes)) {
            view.getStyleClass().setAll(classes);
        }
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new LightSkin(this);
    }

    /** The shown title, or null while the entry is too narrow for text. */
    Text titleText() {
        return getSkin() instanceof LightSkin skin ? skin.title : null;
    }

    /** The shown start time, or null while the entry is too narrow for text. */
    Text timeText() {
        return getSkin() instanceof LightSkin skin ? skin.time : null;
    }

    private static final class LightSkin extends SkinBase<BookingEntryView> {
        private Text title;
        private Text time;
        private Font measuredFont;
        private double lineHeight;
        private String measuredWordsOf;
        private Font measuredWordsFont;
        private double widestWordWidth;
        // held in fields: the entry only keeps weak references, so a dropped view does not stay reachable through it
        private final InvalidationListener restyle = it -> applyStyleClasses(getSkinnable());
        private final InvalidationListener relabel = it -> updateTexts();

        LightSkin(BookingEntryView view) {
            super(view);
            Entry<?> entry = view.getEntry();
            entry.calendarProperty().addListener(new WeakInvalidationListener(restyle));
            entry.titleProperty().addListener(new WeakInvalidationListener(relabel));
            entry.intervalProperty().addListener(new WeakInvalidationListener(relabel));
            Rectangle clip = new Rectangle();
            clip.widthProperty().bind(view.widthProperty());
            clip.heightProperty().bind(view.heightProperty());
            view.setClip(clip);
        }

        private void updateTexts() {
            if (title == null) {
                return;
            }
            Entry<?> entry = getSkinnable().getEntry();
            title.setText(entry.getTitle());
            DayView control = getSkinnable().getDateControl();
            ZoneId zone = control == null ? entry.getZoneId() : control.getZoneId();
            time.setText(getSkinnable().timeFormat.format(entry.getStartAsZonedDateTime().withZoneSameInstant(zone)));
        }

        private void createTexts() {
            title = new Text();
            title.getStyleClass().addAll("booking-text", "booking-title");
            time = new Text();
            time.getStyleClass().addAll("booking-text", "booking-time");
            for (Text text : List.of(title, time)) {
                text.setManaged(false);
                text.setMouseTransparent(true);
                text.setTextOrigin(VPos.TOP);
            }
            updateTexts();
            getChildren().setAll(title, time);
            // created during layout: styled now, so the first frame already shows the right font and colour
            title.applyCss();
            time.applyCss();
        }

        @Override
        protected void layoutChildren(double x, double y, double width, double height) {
            double textWidth = width - 2 * TEXT_INSET_X;
            boolean room = textWidth >= MIN_TEXT_WIDTH;
            if (room && title == null) {
                createTexts();
            }
            if (title == null) {
                return;
            }
            title.setVisible(room);
            time.setVisible(false);
            if (!room) {
                return;
            }
            // wrapped only between words: a word wider than the line would be broken inside ("Margare / t")
            boolean wrap = textWidth >= MIN_WRAP_WIDTH && widestWord() <= textWidth;
            title.setWrappingWidth(wrap ? textWidth : 0);
            title.relocate(snapPositionX(x + TEXT_INSET_X), snapPositionY(y));
            double titleHeight = title.getLayoutBounds().getHeight();
            double timeHeight = time.getLayoutBounds().getHeight();
            if (height - titleHeight - TIME_GAP_Y >= timeHeight) {
                time.setVisible(true);
                time.relocate(snapPositionX(x + TEXT_INSET_X), snapPositionY(y + titleHeight + TIME_GAP_Y));
            }
        }

        /** The width of the title's widest word in its font; measured again only when either changes. */
        private double widestWord() {
            String text = title.getText();
            Font font = title.getFont();
            if (!text.equals(measuredWordsOf) || !font.equals(measuredWordsFont)) {
                Text probe = new Text();
                probe.setFont(font);
                double widest = 0;
                // words between spaces: JavaFX breaks some hyphenated words too ("Berners- / Lee"), but not all, and
                // mid-word where it does not ("(no-sho / w)"), so a hyphenated word has to fit whole
                for (String word : text.split("\\s+")) {
                    probe.setText(word);
                    widest = Math.max(widest, probe.getLayoutBounds().getWidth());
                }
                widestWordWidth = widest;
                measuredWordsOf = text;
                measuredWordsFont = font;
            }
            return widestWordWidth;
        }

        /**
         * CalendarFX keeps short entries at least one title line tall (minHeightEqualToTitleHeight, on by default):
         * one line of the title's font; before the title exists, an estimate from the default font (the titles'
         * 0.9em, at the usual line height), so that a narrow entry measures no text at all.
         */
        @Override
        protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
            if (!getSkinnable().isMinHeightEqualToTitleHeight()) {
                return super.computeMinHeight(width, top, right, bottom, left);
            }
            if (title == null) {
                return Font.getDefault().getSize() * TITLE_EM * LINE_HEIGHT + top + bottom;
            }
            if (!title.getFont().equals(measuredFont)) {
                Text line = new Text("Xg");
                line.setFont(title.getFont());
                lineHeight = line.getLayoutBounds().getHeight();
                measuredFont = title.getFont();
            }
            return lineHeight + top + bottom;
        }
    }
}
