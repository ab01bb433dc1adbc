package org.fluxion.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.fluxion.ui.internal.AnalysisSession.Topic;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The form of the selected step, generated from its settings record: one row per setting with its
 * key, an input that fits its type (check box, choice, text), unit, allowed range, default and
 * description. A value is checked as typed and written into the configuration text on Enter or
 * when the field is left; lists, mappings and groups are shown and edited in the YAML. Unfolder
 * settings ({@code method}) offer the installed {@code fluxion.unfolder.id}s.
 */
public final class StepSettingsPart {
    @Inject
    AnalysisSession session;

    private ScrolledComposite scroll;
    private Composite content;
    private Label error;
    private String shownStep;
    private List<String> shownKeys = List.of();
    private final Map<String, Consumer<SettingField>> updaters = new LinkedHashMap<>();

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        error = new Label(parent, SWT.WRAP);
        error.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        error.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        SessionSubscription.attach(session, scroll, this::refresh, Topic.SELECTION, Topic.DOCUMENT, Topic.INSTALLED,
                Topic.STEPS);
        refresh();
    }

    private void refresh() {
        String step = session.selected();
        SettingsForm form = null;
        String problem = "";
        if (step != null) {
            try {
                form = session.form(step);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        List<String> keys = form == null ? List.of() : form.fields().stream().map(SettingField::key).toList();
        if (form != null && step.equals(shownStep) && keys.equals(shownKeys)) {
            for (SettingField f : form.fields()) {
                updaters.get(f.key()).accept(f); // same form: update values in place, keep focus
            }
            showError(problem);
            return;
        }
        rebuild(form, step == null ? "Select a step in the workflow view." : problem);
        shownStep = form == null ? null : step;
        shownKeys = keys;
    }

    private void showError(String text) {
        if (!text.equals(error.getText())) {
            error.setText(text);
            error.getParent().layout(true);
        }
    }

    private void rebuild(SettingsForm form, String message) {
        if (content != null) {
            scroll.setContent(null);
            content.dispose();
        }
        updaters.clear();
        content = new Composite(scroll, SWT.NONE);
        content.setLayout(new GridLayout(4, false));
        showError(form == null ? message : "");
        if (form != null) {
            Label title = new Label(content, SWT.WRAP);
            title.setFont(JFaceResources.getBannerFont());
            title.setText(form.step() + "  (" + form.stepId() + ": " + form.title() + ")");
            span(title, 4);
            Label desc = new Label(content, SWT.WRAP);
            desc.setText(form.description());
            span(desc, 4);
            for (String in : form.inputs()) {
                span(small(content, "in   " + in), 4);
            }
            for (String out : form.outputs()) {
                span(small(content, "out  " + out), 4);
            }
            Label sep = new Label(content, SWT.SEPARATOR | SWT.HORIZONTAL);
            span(sep, 4);
            for (SettingField f : form.fields()) {
                addField(form.step(), f);
            }
        }
        scroll.setContent(content);
        scroll.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        scroll.getParent().layout(true, true);
    }

    private void addField(String step, SettingField f) {
        Label key = new Label(content, SWT.NONE);
        key.setText(f.key() + (f.valueText() != null ? "" : " \u00b7"));
        key.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        key.setToolTipText(f.description() + (f.valueText() == null ? "\n(not given: the default applies)" : ""));
        Control input;
        if (f.bool()) {
            Button b = new Button(content, SWT.CHECK);
            b.addListener(SWT.Selection, e -> apply(step, f, Boolean.toString(b.getSelection())));
            updaters.put(f.key(), g -> b.setSelection(Boolean.parseBoolean(g.effectiveText())));
            input = b;
        } else if (!f.choices().isEmpty()) {
            Combo c = new Combo(content, f.freeChoice() ? SWT.DROP_DOWN : SWT.DROP_DOWN | SWT.READ_ONLY);
            c.setItems(f.choices().toArray(String[]::new));
            c.addListener(SWT.Selection, e -> apply(step, currentField(f), c.getText()));
            c.addListener(SWT.DefaultSelection, e -> apply(step, currentField(f), c.getText()));
            updaters.put(f.key(), g -> {
                if (!c.isFocusControl()) {
                    c.setText(g.effectiveText());
                }
            });
            input = c;
        } else if (f.editable()) {
            Text t = new Text(content, SWT.BORDER | SWT.SINGLE);
            t.addListener(SWT.DefaultSelection, e -> apply(step, currentField(f), t.getText()));
            t.addListener(SWT.FocusOut, e -> {
                SettingField now = currentField(f);
                if (!t.getText().equals(now.effectiveText())) {
                    apply(step, now, t.getText());
                }
            });
            t.addListener(SWT.Modify, e -> {
                String problem = f.check(t.getText());
                t.setForeground(problem == null ? null : t.getDisplay().getSystemColor(SWT.COLOR_RED));
                t.setToolTipText(problem == null ? f.description() : problem);
            });
            updaters.put(f.key(), g -> {
                if (!t.isFocusControl() && !t.getText().equals(g.effectiveText())) {
                    t.setText(g.effectiveText());
                }
            });
            input = t;
        } else {
            Text t = new Text(content, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY);
            t.setToolTipText("A " + f.typeName() + ": edit it in the configuration text");
            updaters.put(f.key(), g -> t.setText(g.valueText() != null ? g.valueText()
                    : g.defaultText() == null ? "(required)" : g.defaultText()));
            input = t;
        }
        updaters.get(f.key()).accept(f);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 160;
        input.setLayoutData(gd);
        input.setData("fluxion.setting", f.key());
        small(content, f.unit().isEmpty() ? "" : f.unit());
        String info = f.typeName() + (f.rangeLabel().isEmpty() ? "" : " " + f.rangeLabel()) + ", " + f.defaultLabel();
        small(content, info);
        if (!f.description().isEmpty()) {
            new Label(content, SWT.NONE);
            Label d = small(content, f.description());
            span(d, 3);
        }
    }

    /** The field as it is in the latest form (its given value may have changed since the form was built). */
    private SettingField currentField(SettingField f) {
        try {
            return session.form(shownStep).fields().stream().filter(x -> x.key().equals(f.key())).findFirst().orElse(f);
        } catch (IllegalArgumentException e) {
            return f;
        }
    }

    private void apply(String step, SettingField f, String value) {
        String problem = f.check(value);
        if (problem != null) {
            showError(problem);
            return;
        }
        try {
            session.setSetting(step, f.key(), value, f.type());
            showError("");
        } catch (IllegalArgumentException | IllegalStateException e) {
            showError(e.getMessage());
        }
    }

    private static Label small(Composite parent, String text) {
        Label l = new Label(parent, SWT.WRAP);
        l.setText(text);
        l.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        return l;
    }

    private static void span(Control c, int columns) {
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false, columns, 1);
        gd.widthHint = 300;
        c.setLayoutData(gd);
    }
}
