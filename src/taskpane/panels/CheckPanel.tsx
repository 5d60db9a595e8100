/**
 * 检查: run the checker on the whole workbook or the active sheet (core/workflows/check: never
 * the 审核结果 sheet), and review the findings as a navigable list: grouped by table, filtered by
 * severity (the counts are the toggles), by table and by 已核对; previous / next (F8, Shift+F8,
 * Alt+↓/↑) select each finding's cell; 已核对 marks are saved with the workbook (host). Mark /
 * clear marks in the sheets; write a 审核结果 sheet with hyperlinks. The run, the navigation and
 * every outcome are in the sticky ActionBar.
 */
import * as React from "react";
import {
  Button,
  Checkbox,
  Link,
  Select,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
  createFocusOutlineStyle,
} from "@fluentui/react-components";
import type { Finding, Severity } from "../../core/checks/types";
import { findingMessage } from "../../core/checks/messages";
import { CompanionFiles, FindingParagraph, checkWithCompanionsAsync, inCompanionText, type Companions } from "./CompanionFile";
import { countBySeverity, formatFigure, groupFindings, groupKeyOf, marksForFindings, tablesOfSheets, type FindingGroup } from "../../core/report/findings";
import { planReport } from "../../core/report/reportSheet";
import { VERSION } from "../../version";
import { checkedState, isReportSheet, runCheckAsync, storedMarks, toggleChecked, type CheckRun } from "../../core/workflows/check";
import type { Workbook } from "../../core/model";
import { ErrorMessage } from "../errors";
import type { Strings } from "../i18n";
import { ActionBar, CancelButton, Progress, useTask, usePanelStyles, VISUALLY_HIDDEN, type PanelProps, type Task } from "../shared";
import { FeatureNote, useFeature } from "../capabilities";
import { asyncChecker } from "../services";
import { throwIfCancelled } from "../../core/workflows/progress";
import { knownYear } from "../../core/workflows/context";

const FORCED = "@media (forced-colors: active)";

const useStyles = makeStyles({
  controls: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: "8px", rowGap: "4px" },
  scopeSelect: { minWidth: 0, flexGrow: 1, maxWidth: "100%" },
  tolerance: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  companions: { minWidth: 0 },
  companionsSummary: { cursor: "pointer", minHeight: "24px", display: "flex", alignItems: "center", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  results: { display: "flex", flexDirection: "column", gap: "6px", minWidth: 0 },
  summary: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    borderRadius: tokens.borderRadiusSmall,
    ...createFocusOutlineStyle(),
  },
  toolbar: { display: "flex", flexWrap: "wrap", gap: "4px", alignItems: "center", minWidth: 0 },
  visuallyHidden: VISUALLY_HIDDEN,
  sevToggle: { minWidth: 0, paddingLeft: "6px", paddingRight: "6px" },
  tableSelect: { minWidth: 0, flexGrow: 1, flexBasis: "140px" },
  checkedCount: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, whiteSpace: "nowrap" },
  group: { display: "flex", flexDirection: "column", gap: "4px", minWidth: 0 },
  groupHead: { margin: 0, fontSize: tokens.fontSizeBase300 },
  groupButton: {
    display: "flex",
    alignItems: "center",
    gap: "6px",
    flexWrap: "wrap",
    width: "100%",
    padding: "4px 2px",
    border: "none",
    background: "none",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "left",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusSmall,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ...createFocusOutlineStyle(),
  },
  chevron: { display: "inline-block", width: "1em", color: tokens.colorNeutralForeground2 },
  groupMeta: { fontWeight: tokens.fontWeightRegular, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  finding: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "4px 8px 6px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: "4px",
    minWidth: 0,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  // severity by the left border's colour AND its style (solid / dashed / dotted), and by the text label
  error: { borderLeftColor: tokens.colorPaletteRedBorder2, borderLeftStyle: "solid", [FORCED]: { borderLeftColor: "CanvasText", borderLeftWidth: "6px" } },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2, borderLeftStyle: "dashed", [FORCED]: { borderLeftColor: "CanvasText" } },
  info: { borderLeftColor: tokens.colorNeutralStroke1, borderLeftStyle: "dotted", [FORCED]: { borderLeftColor: "GrayText" } },
  // the current finding: an outline (a tinted background would cost the red label its contrast)
  current: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-1px",
    [FORCED]: { outline: "2px solid Highlight" },
  },
  // 已核对: a quieter background (not opacity: the text keeps its contrast)
  checked: { backgroundColor: tokens.colorNeutralBackground3 },
  head: { display: "flex", alignItems: "center", gap: "4px", minWidth: 0 },
  go: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    alignItems: "baseline",
    flexWrap: "wrap",
    columnGap: "6px",
    padding: "2px 0",
    border: "none",
    background: "none",
    font: "inherit",
    textAlign: "left",
    cursor: "pointer",
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusSmall,
    ...createFocusOutlineStyle(),
  },
  sev: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  sevError: { color: tokens.colorStatusDangerForeground1, [FORCED]: { color: "CanvasText" } },
  sevWarning: { color: tokens.colorStatusWarningForeground3, [FORCED]: { color: "CanvasText" } },
  sevInfo: { color: tokens.colorNeutralForeground2, [FORCED]: { color: "CanvasText" } },
  where: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorBrandForeground1, overflowWrap: "anywhere", [FORCED]: { color: "LinkText" } },
  checkbox: { flexShrink: 0, fontSize: tokens.fontSizeBase200 },
  message: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  figures: { display: "flex", flexWrap: "wrap", columnGap: "10px", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  diff: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold, [FORCED]: { color: "CanvasText" } },
  statusLine: { display: "flex", flexDirection: "column", gap: "4px" },
});

/** A shape for each severity, so it reads without colour (and in forced-colors mode). */
const SEV_ICON: Record<Severity, string> = { error: "✖", warning: "▲", info: "ℹ" };
const SEVERITIES: Severity[] = ["error", "warning", "info"];

function sevLabel(s: Severity, t: Strings): string {
  return s === "error" ? t.sevError : s === "warning" ? t.sevWarning : t.sevInfo;
}

/** Findings shown per group before "再显示"; groups beyond the first few start collapsed. */
export const PAGE = 25;
export const OPEN_GROUPS = 3;
/** More findings than this: only the first group starts open. */
export const MANY = 100;

function whereOf(f: Finding): string {
  return f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
}

/**
 * The message without the location the item already shows: a leading "支出总表 C9：" (or just
 * "支出总表 ", keeping a code that follows) — the location is shown once.
 */
export function messageBody(text: string, f: Finding): string {
  if (!f.sheet || !text.startsWith(f.sheet)) return text;
  const rest = text.slice(f.sheet.length);
  const a1 = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(f.cell ?? "");
  const cell = a1 ? new RegExp(`^\\s*\\$?${a1[1]}\\$?${a1[2]}\\s*[：:]\\s*`, "i") : null;
  if (cell && cell.test(rest)) return rest.replace(cell, "") || text;
  const m = /^(\s+|[：:]\s*)/.exec(rest);
  return m && rest.slice(m[0].length) ? rest.slice(m[0].length) : text;
}

interface Entry {
  f: Finding;
  key: string;
}

export function CheckPanel({ host, services, t, lang, settings, reload, work, caps }: PanelProps): React.ReactElement {
  const s = usePanelStyles();
  // checking only reads; marking cells and the 审核结果 sheet write (ExcelApi 1.9)
  const canWrite = useFeature(caps, "write", lang);
  const st = useStyles();
  const task = useTask();
  const [scope, setScope] = React.useState<"workbook" | "sheet">("workbook");
  const [companions, setCompanions] = React.useState<Companions>({});
  const [run, setRun] = React.useState<CheckRun | null>(null);
  const [current, setCurrent] = React.useState<string | null>(null);
  const [status, setStatus] = React.useState<React.ReactNode>(null);
  const [marked, setMarked] = React.useState(() => host.markedCount?.() ?? 0);
  const [checked, setChecked] = React.useState<Set<string>>(() => new Set());
  const [sevFilter, setSevFilter] = React.useState<Set<Severity>>(() => new Set());
  const [tableFilter, setTableFilter] = React.useState("");
  const [hideChecked, setHideChecked] = React.useState(false);
  const [open, setOpen] = React.useState<Record<string, boolean>>({});
  const [shown, setShown] = React.useState<Record<string, number>>({});
  const [active, setActive] = React.useState<string | null>(null);
  const [focusReq, setFocusReq] = React.useState<{ key: string | "summary" | "run-check"; n: number } | null>(null);
  const previousSheet = React.useRef<string | null>(null);
  const lastWb = React.useRef<Workbook | null>(null);
  const panelRef = React.useRef<HTMLDivElement>(null);
  const summaryRef = React.useRef<HTMLHeadingElement>(null);
  const runButtonRef = React.useRef<HTMLButtonElement>(null);
  const buttons = React.useRef(new Map<string, HTMLButtonElement>());
  const factor = settings.roundingFactor ?? 1;

  /** Note the active sheet (for the scope's label) and the last one that is not a 审核结果 sheet. */
  const noteSheet = React.useCallback((sheet: string | null | undefined) => {
    if (!sheet) return;
    setActive(sheet);
    const known = lastWb.current?.sheets.find((x) => x.name === sheet);
    if (!known || !isReportSheet(known)) previousSheet.current = sheet;
  }, []);

  const readActive = React.useCallback(async () => {
    try {
      noteSheet((await host.getSelection())?.sheet);
    } catch {
      // no selection to read: the label just names no sheet
    }
  }, [host, noteSheet]);

  React.useEffect(() => {
    void readActive();
    const onFocus = () => void readActive();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [readActive]);

  React.useEffect(() => {
    let live = true;
    host
      .loadCheckedFindings?.()
      .then((keys) => live && setChecked(new Set(storedMarks(keys))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);

  // ——— what is listed
  const entries: Entry[] = React.useMemo(() => (run ? run.findings.map((f, i) => ({ f, key: run.keys[i] })) : []), [run]);
  const keyOf = React.useMemo(() => new Map(entries.map((e) => [e.f, e.key])), [entries]);
  const sheetTables = React.useMemo(() => tablesOfSheets(entries.map((e) => e.f)), [entries]);
  const allGroups = React.useMemo(() => groupFindings(entries.map((e) => e.f), "table", t.other, sheetTables), [entries, t.other, sheetTables]);
  const counts = React.useMemo(() => countBySeverity(entries.map((e) => e.f)), [entries]);
  const state = React.useMemo(() => (run ? checkedState(run.findings, run.keys, checked) : null), [run, checked]);
  const filtered = React.useMemo(
    () =>
      entries.filter(
        (e) =>
          (sevFilter.size === 0 || sevFilter.has(e.f.severity)) &&
          (!tableFilter || groupKeyOf(e.f, sheetTables) === tableFilter) &&
          !(hideChecked && checked.has(e.key)),
      ),
    [entries, sevFilter, tableFilter, hideChecked, checked, sheetTables],
  );
  const groups = React.useMemo(() => groupFindings(filtered.map((e) => e.f), "table", t.other, sheetTables), [filtered, t.other, sheetTables]);
  /** Display order: groups in order, each group errors first (what previous / next walk). */
  const ordered = React.useMemo(() => groups.map((g) => ({ g, list: g.bySeverity.flatMap((b) => b.findings) })), [groups]);
  const flat = React.useMemo(() => ordered.flatMap(({ g, list }) => list.map((f, i) => ({ f, key: keyOf.get(f)!, group: g.key, pos: i }))), [ordered, keyOf]);
  const groupIndex = React.useMemo(() => new Map(allGroups.map((g, i) => [g.key, i])), [allGroups]);
  // open by default: the first few groups; with many findings only the first
  const isOpen = (g: FindingGroup) => {
    if (open[g.key] !== undefined) return open[g.key];
    const i = groupIndex.get(g.key) ?? 0;
    return i === 0 || (i < OPEN_GROUPS && entries.length <= MANY);
  };

  // ——— actions
  const runCheck = () =>
    task.run(
      t.checking,
      async (ctl) => {
        setStatus(null);
        const check = asyncChecker(services);
        if (!check) throw new Error(t.checkerMissing);
        ctl.onProgress({ stage: "read", done: 0, total: 0 });
        const wb = await reload();
        lastWb.current = wb;
        let activeSheet: string | null = null;
        if (scope === "sheet") {
          activeSheet = (await host.getSelection())?.sheet ?? null;
          noteSheet(activeSheet);
        }
        // the 情况说明 or last year's file picked beside the workbook (CompanionFile) join the check;
        // the checker reports its counts, pauses so the pane paints, and stops when 取消 is clicked
        const out = await runCheckAsync(
          wb,
          (w, o, c) => checkWithCompanionsAsync(w, companions, o, (w2, o2) => check(w2, o2, c)),
          { scope, activeSheet, previousSheet: previousSheet.current, options: { roundingFactor: factor, year: knownYear(work) } },
          ctl,
        );
        // a 取消 that came as the last rule finished still cancels: the list is not replaced
        throwIfCancelled(ctl);
        setRun(out);
        setCurrent(null);
        setShown({});
        setOpen({});
        const c = countBySeverity(out.findings);
        if (out.refused) setStatus(out.refused === "results-sheet" ? t.checkResultsSheet : t.checkNoSheet);
        else if (out.sheet) setStatus(`${out.cameFrom ? `${t.checkCameFrom(out.sheet)} ` : ""}${t.checkDoneSheet(out.sheet, c.error, c.warning, c.info)}`);
        else setStatus(t.checkDone(c.error, c.warning, c.info));
        setFocusReq((r) => ({ key: "summary", n: (r?.n ?? 0) + 1 }));
      },
      {
        cancellable: true,
        // cancelled: nothing was written and the previous results (if any) stay as they were
        onCancel: () => {
          setStatus(run ? t.checkCancelledKept : t.checkCancelled);
          setFocusReq((r) => ({ key: "run-check", n: (r?.n ?? 0) + 1 }));
        },
      },
    );

  const select = (f: Finding, key: string, message?: string) => {
    setCurrent(key);
    return task.run(t.goTo, async () => {
      // a finding in the picked 情况说明 file has no cell: its paragraph shows under it instead
      if (!inCompanionText(f)) {
        await host.select({ sheet: f.sheet, address: f.cell });
        noteSheet(f.sheet);
      }
      setStatus(message ?? t.selectedCell(whereOf(f)));
    });
  };

  /** Move to the next (+1) or previous (−1) listed finding: open its group, show it, focus it, select its cell. */
  const go = (delta: 1 | -1) => {
    // moving on while the previous cell is being selected is fine; during a check or a write it is not
    if (!flat.length || (task.busy && task.busy !== t.goTo)) return;
    const at = flat.findIndex((x) => x.key === current);
    const to = at < 0 ? (delta > 0 ? 0 : flat.length - 1) : at + delta;
    if (to < 0 || to >= flat.length) {
      setStatus(to < 0 ? t.atFirst : t.atLast);
      return;
    }
    const target = flat[to];
    setOpen((o) => ({ ...o, [target.group]: true }));
    setShown((m) => ((m[target.group] ?? PAGE) > target.pos ? m : { ...m, [target.group]: Math.ceil((target.pos + 1) / PAGE) * PAGE }));
    setFocusReq((r) => ({ key: target.key, n: (r?.n ?? 0) + 1 }));
    void select(target.f, target.key, t.atFinding(to + 1, flat.length, whereOf(target.f)));
  };
  const goRef = React.useRef(go);
  goRef.current = go;

  // F8 / Shift+F8 anywhere in the pane, Alt+↓ / Alt+↑, while this panel is shown
  React.useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const panel = panelRef.current;
      if (!panel || panel.closest("[hidden]")) return;
      const next = (e.key === "F8" && !e.shiftKey) || (e.altKey && e.key === "ArrowDown");
      const prev = (e.key === "F8" && e.shiftKey) || (e.altKey && e.key === "ArrowUp");
      if (!next && !prev) return;
      e.preventDefault();
      goRef.current(next ? 1 : -1);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  React.useEffect(() => {
    if (!focusReq) return;
    const el = focusReq.key === "summary" ? summaryRef.current : focusReq.key === "run-check" ? runButtonRef.current : buttons.current.get(focusReq.key);
    el?.focus();
    if (el && focusReq.key !== "summary") el.scrollIntoView?.({ block: "nearest" });
  }, [focusReq]);

  const setMark = (e: Entry, on: boolean) =>
    task.run(t.marking, async () => {
      const next = toggleChecked(checked, e.key, on);
      // the next item takes the focus when the one ticked disappears from the list
      if (on && hideChecked) {
        const at = flat.findIndex((x) => x.key === e.key);
        const after = flat.slice(at + 1).find((x) => !next.has(x.key)) ?? flat.slice(0, at).reverse().find((x) => !next.has(x.key));
        setFocusReq((r) => ({ key: after?.key ?? "summary", n: (r?.n ?? 0) + 1 }));
      }
      setChecked(next);
      await host.saveCheckedFindings?.([...next].sort());
      const n = run ? checkedState(run.findings, run.keys, next).checked : 0;
      setStatus(on ? t.checkedOn(whereOf(e.f), n, run?.findings.length ?? 0) : t.checkedOff(whereOf(e.f), n, run?.findings.length ?? 0));
    });

  const mark = () =>
    task.run(t.marking, async () => {
      if (!host.markCells || !run) throw new Error(t.markUnsupported);
      const marks = marksForFindings(run.findings);
      await host.markCells(marks);
      setMarked(host.markedCount?.() ?? marks.length);
      setStatus(t.marked(marks.length));
    });

  const clear = () =>
    task.run(t.marking, async () => {
      if (!host.clearMarks) throw new Error(t.markUnsupported);
      await host.clearMarks();
      setMarked(0);
      setStatus(t.cleared);
    });

  const goToSheet = (name: string) =>
    task.run(t.goTo, async () => {
      if (active) noteSheet(active);
      await (host.activateSheet ? host.activateSheet(name) : host.select({ sheet: name, address: "A1" }));
      setActive(name);
    });

  const report = () =>
    task.run(t.reporting, async () => {
      if (!run) return;
      const wb = await host.readWorkbook();
      const cs = planReport(run.findings, wb.sheets.map((x) => x.name), {
        subject: settings.unitName,
        meta: { year: work.year, edition: work.edition, editionNote: work.editionNote, tolerance: factor, version: VERSION },
        isChecked: (f) => checked.has(keyOf.get(f) ?? ""),
      });
      const name = cs.newSheets[0].name;
      await host.applyChanges(cs);
      setStatus(
        <>
          {t.reportDone(name)}{" "}
          <Link as="button" onClick={() => void goToSheet(name)}>
            {t.goTo} {name}
          </Link>
        </>,
      );
      lastWb.current = await reload().catch(() => lastWb.current);
    });

  const toggleSeverity = (sv: Severity) =>
    setSevFilter((cur) => {
      const next = new Set(cur);
      if (next.has(sv)) next.delete(sv);
      else next.add(sv);
      return next;
    });

  const showAll = () => {
    setSevFilter(new Set());
    setTableFilter("");
    setHideChecked(false);
  };

  // ——— rendering
  const figures = (f: Finding) =>
    (f.expected !== undefined || f.actual !== undefined || f.difference !== undefined) && (
      <span className={st.figures}>
        {f.expected !== undefined && (
          <span>
            {t.figExpected} {formatFigure(f.expected)}
          </span>
        )}
        {f.actual !== undefined && (
          <span>
            {t.figStated} {formatFigure(f.actual)}
          </span>
        )}
        {f.difference !== undefined && (
          <span className={f.severity === "error" ? st.diff : undefined}>
            {t.figDifference} {f.difference > 0 ? "+" : ""}
            {formatFigure(f.difference)}
          </span>
        )}
      </span>
    );

  const sevClass: Record<Severity, string> = { error: st.sevError, warning: st.sevWarning, info: st.sevInfo };

  const item = (f: Finding, key: string, n: number) => {
    const id = `finding-${n}`;
    const isChecked = checked.has(key);
    const where = whereOf(f);
    return (
      <li
        key={key}
        className={mergeClasses(st.finding, st[f.severity], current === key && st.current, isChecked && st.checked)}
        data-testid="finding"
        data-cell={`${f.sheet}!${f.cell}`}
        data-severity={f.severity}
        data-checked={isChecked ? "true" : "false"}
        onClick={(e) => {
          // a click on the card (not on its check box) goes to the cell; the button is the keyboard path
          if ((e.target as HTMLElement).closest("[data-mark]")) return;
          if ((e.target as HTMLElement).closest("button")) return;
          void select(f, key);
        }}
      >
        <div className={st.head}>
          <button
            type="button"
            className={st.go}
            data-testid="finding-go"
            title={t.findingHint}
            aria-current={current === key ? "true" : undefined}
            aria-describedby={`${id}-msg`}
            ref={(el) => {
              if (el) buttons.current.set(key, el);
              else buttons.current.delete(key);
            }}
            onClick={() => void select(f, key)}
          >
            <span className={mergeClasses(st.sev, sevClass[f.severity])}>
              <span aria-hidden="true">{SEV_ICON[f.severity]}</span> {sevLabel(f.severity, t)}
            </span>
            <span className={st.where} id={`${id}-where`}>
              {where}
            </span>
          </button>
          <span data-mark="">
            <Checkbox
              className={st.checkbox}
              size="medium"
              label={t.checkedLabel}
              checked={isChecked}
              aria-describedby={`${id}-where`}
              data-testid="finding-checked"
              onChange={(_, d) => void setMark({ f, key }, d.checked === true)}
            />
          </span>
        </div>
        <span className={st.message} id={`${id}-msg`}>
          {messageBody(findingMessage(f, lang, services.rules?.() ?? []), f)}
        </span>
        {figures(f)}
        {current === key && <FindingParagraph finding={f} lang={lang} />}
      </li>
    );
  };

  let n = 0;
  const list = ordered.map(({ g, list: fs }) => {
    const expanded = isOpen(g);
    const limit = shown[g.key] ?? PAGE;
    const gChecked = fs.filter((f) => checked.has(keyOf.get(f)!)).length;
    const listId = `group-${groupIndex.get(g.key) ?? 0}`;
    return (
      <section key={g.key} className={st.group} data-testid="finding-group" aria-label={g.label}>
        <h3 className={st.groupHead}>
          <button type="button" className={st.groupButton} aria-expanded={expanded} aria-controls={listId} data-testid="group-toggle" onClick={() => setOpen((o) => ({ ...o, [g.key]: !expanded }))}>
            <span className={st.chevron} aria-hidden="true">
              {expanded ? "▾" : "▸"}
            </span>
            <span className={s.breakAll}>{g.label}</span>
            <span className={st.groupMeta}>
              {SEVERITIES.filter((sv) => g.counts[sv] > 0)
                .map((sv) => `${sevLabel(sv, t)} ${g.counts[sv]}`)
                .join(" · ")}
              {gChecked > 0 ? ` · ${t.checkedCount(gChecked, fs.length)}` : ""}
            </span>
          </button>
        </h3>
        {expanded && (
          <ul className={s.list} id={listId}>
            {fs.slice(0, limit).map((f) => item(f, keyOf.get(f)!, n++))}
          </ul>
        )}
        {expanded && fs.length > limit && (
          <Button size="small" appearance="subtle" data-testid="show-more" onClick={() => setShown((m) => ({ ...m, [g.key]: limit + PAGE }))}>
            {t.showMore(Math.min(PAGE, fs.length - limit))} · {t.shownOf(limit, fs.length)}
          </Button>
        )}
      </section>
    );
  });

  const findings = run?.findings ?? null;
  const scopeSheetLabel = active ? t.activeSheetNamed(active) : t.activeSheet;

  return (
    <div className={s.panel} ref={panelRef}>
      {!run && <Text className={s.intro}>{t.checkIntro}</Text>}
      <div className={st.controls}>
        <label htmlFor="check-scope" className={st.tolerance}>
          {t.scopeShort}
        </label>
        <Select
          id="check-scope"
          size="small"
          className={st.scopeSelect}
          value={scope}
          onChange={(_, d) => setScope(d.value as "workbook" | "sheet")}
          onFocus={() => void readActive()}
          data-testid="check-scope"
        >
          <option value="workbook">{t.wholeWorkbook}</option>
          <option value="sheet">{scopeSheetLabel}</option>
        </Select>
        <span className={st.tolerance} data-testid="tolerance-in-use">
          {t.toleranceInUse(factor)}
        </span>
      </div>
      {/* optional files beside the workbook, folded so the first results stay in view */}
      <details className={st.companions} data-testid="companions">
        <summary className={st.companionsSummary} data-testid="companions-toggle">
          {lang === "en-US" ? "Compare with files (optional)" : "对照文件（可选）：情况说明、上年公开文件"}
          {companions.narrative || companions.previous ? ` · ${[companions.narrative, companions.previous].filter(Boolean).length}` : ""}
        </summary>
        <CompanionFiles purposes={["narrative", "previous"]} lang={lang} onChange={setCompanions} disabled={!!task.busy} work={work} />
      </details>
      {findings && state && (
        <div className={st.results} data-testid="check-results">
          <div className={st.toolbar}>
            <h2 className={st.summary} ref={summaryRef} tabIndex={-1} data-testid="check-summary">
              {t.resultsTitle}
              <span className={st.visuallyHidden}>{t.resultsSummary(counts.error, counts.warning, counts.info).slice(t.resultsTitle.length)}</span>
            </h2>
            <div className={st.toolbar} role="group" aria-label={t.filterBySeverity} data-testid="check-counts">
              {SEVERITIES.map((sv) => (
                <ToggleButton
                  key={sv}
                  size="small"
                  shape="circular"
                  className={st.sevToggle}
                  appearance={sevFilter.has(sv) ? "primary" : "outline"}
                  checked={sevFilter.has(sv)}
                  disabled={counts[sv] === 0 && !sevFilter.has(sv)}
                  onClick={() => toggleSeverity(sv)}
                  data-testid={`filter-${sv}`}
                >
                  <span aria-hidden="true">{SEV_ICON[sv]}</span>&nbsp;{sevLabel(sv, t)} {counts[sv]}
                </ToggleButton>
              ))}
            </div>
          </div>
          {findings.length > 0 && (
            <div className={st.toolbar}>
              <Select size="small" className={st.tableSelect} aria-label={t.filterByTable} value={tableFilter}
                onChange={(_, d) => {
                  setTableFilter(d.value);
                  // the table chosen is shown open
                  if (d.value) setOpen((o) => ({ ...o, [d.value]: true }));
                }} data-testid="filter-table">
                <option value="">{t.allTables}</option>
                {allGroups.map((g) => (
                  <option key={g.key} value={g.key}>
                    {g.label} ({g.total})
                  </option>
                ))}
              </Select>
              <Checkbox
                label={
                  <>
                    {t.hideChecked}{" "}
                    <span className={st.checkedCount} data-testid="checked-count">
                      {state.checked}/{state.total}
                    </span>
                  </>
                }
                checked={hideChecked}
                onChange={(_, d) => setHideChecked(d.checked === true)}
                data-testid="hide-checked"
              />
            </div>
          )}
          {findings.length === 0 && !run?.refused && (
            <Text data-testid="no-findings">{t.noFindings}</Text>
          )}
          {findings.length > 0 && flat.length === 0 && (
            <Text data-testid="none-shown">
              {t.noneShown}{" "}
              <Link as="button" onClick={showAll}>
                {t.showAll}
              </Link>
            </Text>
          )}
          {list}
          {findings.length > 0 && (
            <div className={st.toolbar} data-testid="check-actions">
              <FeatureNote state={canWrite} testId="check-feature-note" />
              <Button size="small" onClick={() => void mark()} disabled={!!task.busy || !host.markCells} disabledFocusable={!canWrite.ok} aria-describedby={canWrite.noteId} data-testid="mark">
                {t.mark}
              </Button>
              <Button size="small" onClick={() => void clear()} disabled={!!task.busy || !host.clearMarks || marked === 0} disabledFocusable={!canWrite.ok} aria-describedby={canWrite.noteId} data-testid="clear-marks">
                {t.clearMarks}
              </Button>
              <Button size="small" onClick={() => void report()} disabled={!!task.busy} disabledFocusable={!canWrite.ok} aria-describedby={canWrite.noteId} data-testid="report">
                {t.report}
              </Button>
            </div>
          )}
        </div>
      )}
      <ActionBar label={t.resultsActions} status={checkStatus(task, status, t, st.statusLine)}>
        {/* disabled but focusable while checking: the focus stays here, and Tab reaches 取消 next */}
        <Button appearance="primary" ref={runButtonRef} onClick={() => void runCheck()} disabledFocusable={!!task.busy} data-testid="run-check">
          {run ? t.recheck : t.runCheck}
        </Button>
        <CancelButton task={task} t={t} />
        <Button size="small" onClick={() => go(-1)} disabled={!flat.length || (!!task.busy && task.busy !== t.goTo)} title={t.prevFindingTitle} aria-keyshortcuts="Shift+F8 Alt+ArrowUp" data-testid="prev-finding">
          ↑ {t.prevFinding}
        </Button>
        <Button size="small" onClick={() => go(1)} disabled={!flat.length || (!!task.busy && task.busy !== t.goTo)} title={t.nextFindingTitle} aria-keyshortcuts="F8 Alt+ArrowDown" data-testid="next-finding">
          ↓ {t.nextFinding}
        </Button>
      </ActionBar>
    </div>
  );
}

/** What the ActionBar's status region says: the task under way with its counts, its error, or the last outcome. */
export function checkStatus(task: Pick<Task, "busy" | "error" | "progress" | "cancelling">, status: React.ReactNode, t: Strings, className: string): React.ReactNode {
  if (task.busy)
    return (
      <span className={className}>
        <Progress label={task.busy} progress={task.progress} t={t} cancelling={task.cancelling} live={false} />
      </span>
    );
  if (task.error) return <ErrorMessage error={task.error} t={t} />;
  return status ? <span data-testid="check-notice">{status}</span> : null;
}
