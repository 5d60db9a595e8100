/**
 * The first-run view: what the add-in does (its four actions, each one click away) and, on a
 * workbook without budget tables, a one-click start — all the standard tables for the year in
 * use, asking only for the unit name (optional). The rest takes the settings' values or the
 * common defaults (部门, 万元, live total formulas), as 插入模板 would with nothing changed.
 * Nothing is overwritten: new sheets only (planInsertion renames around taken names), and the
 * insertion can be undone while the new sheets are as inserted.
 */
import * as React from "react";
import { Button, Field, Input, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { inverseOf, type ChangeSet } from "../core/changes";
import { cells, getSheet, isEmptyCell, type Sheet } from "../core/model";
import { STANDARD_TABLES } from "../core/specs/tables";
import { ErrorMessage } from "./errors";
import { ActionBar, Progress, useTask, usePanelStyles, type PanelProps } from "./shared";
import { FeatureNote, useFeature } from "./capabilities";

export type StartAction = "insert" | "fill" | "check" | "draft";

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  actions: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  action: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: "2px",
    width: "100%",
    minHeight: "44px",
    padding: "6px 10px",
    textAlign: "left",
    justifyContent: "flex-start",
    fontWeight: tokens.fontWeightRegular,
  },
  actionName: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  actionText: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, whiteSpace: "normal" },
  helpLink: { display: "inline-flex", alignItems: "center", minHeight: "24px" },
  done: { display: "flex", flexDirection: "column", gap: "4px" },
});

/** Values and formulas of sheets (what the user could have typed into). */
function contentOf(sheets: (Sheet | undefined)[]): string {
  return JSON.stringify(
    sheets.map((sh) => {
      if (!sh) return null;
      const filled: string[] = [];
      for (const { r, c, cell } of cells(sh)) if (!isEmptyCell(cell)) filled.push(`${r},${c}=${cell.formula ?? JSON.stringify(cell.value)}`);
      return filled;
    }),
  );
}

interface Started {
  sheets: string[];
  year: number;
  inverse: ChangeSet;
  fingerprint: string;
}

export interface FirstRunProps extends PanelProps {
  /** The workbook has budget tables already: no quick start, the way to 检查 instead. */
  hasTables: boolean;
  /** Open one of the four actions. */
  onOpen: (action: StartAction) => void;
  helpHref: string;
  tabLabels: Record<StartAction, string>;
}

export const FirstRun = React.forwardRef<HTMLHeadingElement, FirstRunProps>(function FirstRun(props, headingRef) {
  const { host, services, t, lang, settings, updateSettings, detected, reload, work, caps, hasTables, onOpen, helpHref, tabLabels } = props;
  const s = usePanelStyles();
  // the quick start inserts the tables (ExcelApi 1.9)
  const canWrite = useFeature(caps, "write", lang);
  const st = useStyles();
  const task = useTask();
  const [unit, setUnit] = React.useState(settings.unitName ?? detected?.unitName ?? "");
  const [started, setStarted] = React.useState<Started | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);

  const start = () =>
    task.run(t.inserting, async () => {
      setNotice(null);
      const unitName = unit.trim();
      if (unitName && unitName !== settings.unitName) updateSettings({ unitName });
      const year = work.year;
      const tables = STANDARD_TABLES.map((x) => x.id);
      const sheets = services.renderTemplates({ year, unitName, scope: settings.scope ?? "部门", amountUnit: settings.amountUnit ?? "万元", tables, formulas: true });
      const wb = await host.readWorkbook();
      const plan = services.planInsertion(wb, sheets);
      const inverse = inverseOf(wb, plan.changes);
      await host.applyChanges(plan.changes);
      const actualOf = new Map(plan.renamed.map((r) => [r.wanted, r.actual]));
      const names = sheets.map((sh) => actualOf.get(sh.name) ?? sh.name);
      setStarted({ sheets: names, year, inverse, fingerprint: contentOf(plan.changes.newSheets) });
      if (names[0]) {
        if (host.activateSheet) await host.activateSheet(names[0]).catch(() => undefined);
        await host.select({ sheet: names[0], address: "A1" }).catch(() => undefined);
      }
      await reload().catch(() => undefined);
    });

  const undo = () =>
    task.run(t.applying, async () => {
      if (!started) return;
      const wb = await host.readWorkbook();
      if (contentOf(started.inverse.removeSheets.map((name) => getSheet(wb, name))) !== started.fingerprint) {
        setNotice(t.undoInsertRefused);
        return;
      }
      await host.applyChanges(started.inverse);
      setStarted(null);
      setNotice(t.undoInsertDone);
      await reload().catch(() => undefined);
    });

  const items: { id: StartAction; text: string }[] = [
    { id: "insert", text: t.startInsert },
    { id: "fill", text: t.startFill },
    { id: "check", text: t.startCheck },
    { id: "draft", text: t.startDraft },
  ];
  const quick = !hasTables || started !== null;

  return (
    <section className={s.panel} aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title" className={st.heading} tabIndex={-1} ref={headingRef}>
        {t.startTitle}
      </h2>
      {quick ? (
        <div className={s.section} data-testid="first-run-quick">
          <Text className={s.sectionTitle} as="h3" style={{ margin: 0 }}>
            {t.startQuick}
          </Text>
          <Text className={s.small}>{t.startQuickIntro(work.year)}</Text>
          <Field label={t.unit}>
            <Input value={unit} onChange={(_, d) => setUnit(d.value)} placeholder={t.unitPlaceholder} data-testid="first-run-unit" />
          </Field>
        </div>
      ) : (
        <Text className={s.small} data-testid="first-run-has-tables">
          {t.startHaveTables}
        </Text>
      )}
      <Text className={s.intro}>{t.startIntro}</Text>
      <ul className={st.actions} data-testid="first-run-actions">
        {items.map((x) => (
          <li key={x.id}>
            <Button appearance="outline" className={st.action} onClick={() => onOpen(x.id)} data-testid={`first-run-open-${x.id}`}>
              <span className={st.actionName}>{tabLabels[x.id]}</span>
              <span className={st.actionText}>{x.text}</span>
            </Button>
          </li>
        ))}
      </ul>
      <Link href={helpHref} target="_blank" rel="noopener" className={st.helpLink} data-testid="first-run-help">
        {t.startHelp}
      </Link>
      <ActionBar
        label={t.startTitle}
        status={
          task.busy ? (
            <Progress label={task.busy} />
          ) : task.error ? (
            <ErrorMessage error={task.error} t={t} />
          ) : started ? (
            <div className={st.done} data-testid="first-run-done">
              <Text weight="semibold">{t.startDone(started.sheets.length, started.year)}</Text>
              <Text size={200}>{t.startNext}</Text>
            </div>
          ) : notice ? (
            <Text data-testid="first-run-notice">{notice}</Text>
          ) : null
        }
      >
        {quick && !started && <FeatureNote state={canWrite} testId="first-run-feature-note" />}
        {quick && !started && (
          <Button appearance="primary" onClick={() => void start()} disabled={!!task.busy} disabledFocusable={!canWrite.ok} aria-describedby={canWrite.noteId} data-testid="first-run-start">
            {t.startButton(work.year)}
          </Button>
        )}
        {(started || !quick) && (
          <Button appearance={started || !quick ? "primary" : "secondary"} onClick={() => onOpen("check")} data-testid="first-run-check">
            {t.startGoCheck}
          </Button>
        )}
        {started && (
          <Button onClick={() => void undo()} disabled={!!task.busy} data-testid="first-run-undo">
            {t.undo}
          </Button>
        )}
      </ActionBar>
    </section>
  );
});
