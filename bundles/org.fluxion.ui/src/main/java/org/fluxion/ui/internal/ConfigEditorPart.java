package org.fluxion.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.Bullet;
import org.eclipse.swt.custom.ST;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GlyphMetrics;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.fluxion.ui.internal.AnalysisSession.Topic;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The configuration editor: the YAML text with line numbers and light syntax colouring, checked as
 * you type exactly as the headless runner checks it (parse, step ids, settings binding,
 * connections). The first error is marked at its line and column (red line, squiggly underline,
 * tooltip) and shown above the text. Ctrl+S saves. The caret selects the step it is in.
 */
public final class ConfigEditorPart {
    private static final int CHECK_DELAY_MS = 250;
    private static final Pattern KEY = Pattern.compile("^(\\s*(?:-\\s+)?)([A-Za-z0-9_.-]+)(\\s*:)");
    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");

    @Inject
    AnalysisSession session;
    @Inject
    MPart part;

    private Label problem;
    private StyledText editor;
    private Color errorLine;
    private Color keyColour;
    private Color commentColour;
    private boolean settingText;
    private boolean checkPending;
    private Path shownFile;
    private String caretSelection;
    private ConfigProblem marked;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        problem = new Label(parent, SWT.WRAP);
        problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        editor = new StyledText(parent, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        editor.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        editor.setFont(JFaceResources.getTextFont());
        errorLine = new Color(new RGB(255, 222, 222));
        keyColour = new Color(new RGB(0, 70, 160));
        commentColour = new Color(new RGB(110, 120, 110));
        editor.addLineStyleListener(e -> {
            int line = editor.getLineAtOffset(e.lineOffset);
            StyleRange gutter = new StyleRange();
            gutter.metrics = new GlyphMetrics(0, 0, 4 * averageCharWidth() + 8);
            e.bullet = new Bullet(ST.BULLET_TEXT, gutter);
            e.bullet.text = String.format("%3d ", line + 1);
            e.bulletIndex = line;
            e.styles = styles(e.lineOffset, e.lineText, line + 1);
        });
        editor.addLineBackgroundListener(e -> {
            if (marked != null && marked.positioned() && editor.getLineAtOffset(e.lineOffset) == marked.line() - 1) {
                e.lineBackground = errorLine;
            }
        });
        editor.addListener(SWT.MouseMove, e -> {
            int line = editor.getLineIndex(e.y);
            String tip = marked != null && marked.positioned() && line == marked.line() - 1 ? marked.message() : null;
            if (!java.util.Objects.equals(tip, editor.getToolTipText())) {
                editor.setToolTipText(tip);
            }
        });
        editor.addModifyListener(e -> {
            editor.redraw(); // line numbers move with inserted and removed lines
            if (settingText) {
                return;
            }
            part.setDirty(true);
            if (!checkPending) {
                checkPending = true;
                editor.getDisplay().timerExec(CHECK_DELAY_MS, this::check);
            }
        });
        editor.addListener(SWT.KeyDown, e -> {
            if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 's' || e.keyCode == 'S')) {
                check();
                try {
                    session.save();
                } catch (Exception ex) {
                    MessageDialog.openError(editor.getShell(), "Cannot save " + session.file(), ex.getMessage());
                }
                e.doit = false;
            }
        });
        editor.addCaretListener(e -> selectStepAtCaret(e.caretOffset));
        editor.addDisposeListener(e -> {
            errorLine.dispose();
            keyColour.dispose();
            commentColour.dispose();
        });
        SessionSubscription.attach(session, editor, this::refreshDocument, Topic.DOCUMENT, Topic.VALIDATION);
        SessionSubscription.attach(session, editor, this::revealSelection, Topic.SELECTION);
        refreshDocument();
    }

    /** @return the text widget (for the UI tests) */
    public StyledText editor() {
        return editor;
    }

    /** @return the problem line above the text (for the UI tests) */
    public Label problemLabel() {
        return problem;
    }

    private int averageCharWidth() {
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(editor);
        try {
            return (int) Math.ceil(gc.getFontMetrics().getAverageCharacterWidth());
        } finally {
            gc.dispose();
        }
    }

    private StyleRange[] styles(int offset, String text, int line) {
        List<StyleRange> out = new ArrayList<>();
        Matcher c = COMMENT.matcher(text);
        int commentStart = text.length();
        if (c.find() && !inQuotes(text, c.start())) {
            commentStart = c.start() + c.group(1).length();
        }
        Matcher k = KEY.matcher(text);
        if (k.find() && k.start(2) < commentStart) {
            out.add(new StyleRange(offset + k.start(2), k.end(2) - k.start(2), keyColour, null, SWT.BOLD));
        }
        if (commentStart < text.length()) {
            out.add(new StyleRange(offset + commentStart, text.length() - commentStart, commentColour, null, SWT.ITALIC));
        }
        if (marked != null && marked.line() == line) {
            int from = Math.min(Math.max(0, marked.column() - 1), text.length());
            int to = tokenEnd(text, from);
            if (to == from) { // nothing under the column (end of line): underline the whole line
                from = 0;
                to = text.length();
            }
            StyleRange squiggle = new StyleRange();
            squiggle.start = offset + from;
            squiggle.length = to - from;
            squiggle.underline = true;
            squiggle.underlineStyle = SWT.UNDERLINE_SQUIGGLE;
            squiggle.underlineColor = editor.getDisplay().getSystemColor(SWT.COLOR_RED);
            out = merge(out, squiggle);
        }
        return out.toArray(StyleRange[]::new);
    }

    /** StyledText needs non-overlapping ranges: drop the colouring where the error is underlined. */
    private static List<StyleRange> merge(List<StyleRange> styles, StyleRange squiggle) {
        List<StyleRange> out = new ArrayList<>();
        int s = squiggle.start, e = squiggle.start + squiggle.length;
        for (StyleRange r : styles) {
            int rs = r.start, re = r.start + r.length;
            if (re <= s || rs >= e) {
                out.add(r);
            } else {
                if (rs < s) {
                    StyleRange left = (StyleRange) r.clone();
                    left.length = s - rs;
                    out.add(left);
                }
                if (re > e) {
                    StyleRange right = (StyleRange) r.clone();
                    right.start = e;
                    right.length = re - e;
                    out.add(right);
                }
            }
        }
        out.add(squiggle);
        out.sort((a, b) -> Integer.compare(a.start, b.start));
        return out;
    }

    private static int tokenEnd(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != ','
                && text.charAt(i) != '}' && text.charAt(i) != ']') {
            i++;
        }
        return i;
    }

    private static boolean inQuotes(String text, int index) {
        int single = 0, dbl = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\'') {
                single++;
            } else if (text.charAt(i) == '"') {
                dbl++;
            }
        }
        return single % 2 == 1 || dbl % 2 == 1;
    }

    private void check() {
        checkPending = false;
        if (editor.isDisposed() || session.file() == null) {
            return;
        }
        session.setText(editor.getText());
    }

    private void refreshDocument() {
        Path file = session.file();
        boolean newFile = !java.util.Objects.equals(file, shownFile);
        String text = session.text();
        if ((newFile || !checkPending) && !text.equals(editor.getText())) {
            int caret = editor.getCaretOffset();
            int top = editor.getTopIndex();
            settingText = true;
            try {
                editor.setText(text);
            } finally {
                settingText = false;
            }
            editor.setCaretOffset(newFile ? 0 : Math.min(caret, text.length()));
            editor.setTopIndex(newFile ? 0 : top);
        }
        shownFile = file;
        editor.setEditable(file != null);
        part.setLabel(file == null ? "Configuration" : file.getFileName().toString());
        part.setTooltip(file == null ? "No configuration open" : file.toString());
        part.setDirty(session.dirty() || checkPending);
        ConfigValidation v = session.validation();
        marked = v == null ? null : v.problem();
        if (file == null) {
            problem.setText("Open a configuration (File \u2192 Open configuration...) or the demo (File \u2192 Open demo).");
            problem.setForeground(null);
        } else if (marked != null) {
            problem.setText("\u2717 " + (marked.positioned() ? "line " + marked.line() + ": " : "") + marked.message());
            problem.setForeground(problem.getDisplay().getSystemColor(SWT.COLOR_RED));
        } else if (v != null) {
            problem.setText("\u2713 valid: " + v.plan().steps().size() + " steps will run");
            problem.setForeground(problem.getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN));
        }
        problem.getParent().layout(true);
        editor.redraw();
    }

    private void selectStepAtCaret(int offset) {
        if (settingText || editor.getCharCount() == 0) {
            return;
        }
        int line = editor.getLineAtOffset(offset) + 1;
        String found = null;
        for (StepRow r : session.rows()) {
            if (r.line() > 0 && r.line() <= line) {
                found = r.name();
            }
        }
        if (found != null && !found.equals(session.selected())) {
            caretSelection = found;
            session.select(found);
        }
    }

    private void revealSelection() {
        String sel = session.selected();
        if (sel == null || sel.equals(caretSelection)) {
            caretSelection = null;
            return;
        }
        caretSelection = null;
        for (StepRow r : session.rows()) {
            if (r.name().equals(sel) && r.line() > 0 && r.line() <= editor.getLineCount()) {
                editor.setTopIndex(Math.max(0, r.line() - 2));
            }
        }
    }
}
