/**
 * 检查: run the checker on the whole workbook or the active sheet, list findings grouped by
 * table (or sheet) and severity with counts; a finding selects its cell; mark / clear marks
 * in the sheets; write a 审核结果 sheet with hyperlinks.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  createFocusOutlineStyle,
} from "@fluentui/react-components";
import type { Finding, Severity } from "../../core/checks/types";
import { countBySeverity, formatFigure, groupFindings, marksForFindings } from "../../core/report/findings";
import { planReport } from "../../core/report/reportSheet";
import { ErrorMessage } from "../errors";
import type { Strings } from "../i18n";
import { Progress, useTask, usePanelStyles, type PanelProps } from "../shared";
import { CompanionFiles, FindingParagraph, checkWithCompanions, inCompanionText, type Companions } from "./CompanionFile";

const useStyles = makeStyles({
  counts: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "center" },
  group: { display: "flex", flexDirection: "column", gap: "6px", minWidth: 0 },
  groupHead: {
    display: "flex",
    alignItems: "center",
    gap: "6px",
    flexWrap: "wrap",
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  sevHead: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  finding: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: "4px",
    cursor: "pointer",
    textAlign: "left",
    minWidth: 0,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ...createFocusOutlineStyle(),
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  selected: { backgroundColor: tokens.colorBrandBackground2, ":hover": { backgroundColor: tokens.colorBrandBackground2Hover } },
  where: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorBrandForeground1 },
  message: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  figures: { display: "flex", flexWrap: "wrap", columnGap: "10px", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  diff: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const SEV_COLOR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

function sevLabel(s: Severity, t: Strings): string {
  return s === "error" ? t.sevError : s === "warning" ? t.sevWarning : t.sevInfo;
}

const PAGE = 100;

export function CheckPanel({ host, services, t, lang, settings, updateSettings, reload, work }: PanelProps): React.ReactElement {
  const s = usePanelStyles();
  const st = useStyles();
  const task = useTask();
  const [scope, setScope] = React.useState<"workbook" | "sheet">("workbook");
  const [groupBy, setGroupBy] = React.useState<"table" | "sheet">("table");
  const [findings, setFindings] = React.useState<Finding[] | null>(null);
  const [selected, setSelected] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<React.ReactNode>(null);
  const [marked, setMarked] = React.useState(() => host.markedCount?.() ?? 0);
  const [shown, setShown] = React.useState<Record<string, number>>({});
  const [companions, setCompanions] = React.useState<Companions>({});
  const factor = settings.roundingFactor ?? 1;

  const runCheck = () =>
    task.run(t.checking, async () => {
      setNotice(null);
      const check = services.check;
      if (!check) throw new Error(t.checkerMissing);
      const wb = await reload();
      let out = checkWithCompanions(wb, companions, { roundingFactor: factor, year: settings.year }, check);
      if (scope === "sheet") {
        const sel = await host.getSelection();
        const active = sel?.sheet ?? wb.sheets[0]?.name;
        out = out.filter((f) => f.sheet === active);
      }
      setFindings(out);
      setSelected(null);
      setShown({});
    });

  const select = (f: Finding, key: string) =>
    task.run(t.goTo, async () => {
      setSelected(key);
      if (!inCompanionText(f)) await host.select({ sheet: f.sheet, address: f.cell });
    });

  const mark = () =>
    task.run(t.marking, async () => {
      if (!host.markCells || !findings) throw new Error(t.markUnsupported);
      const marks = marksForFindings(findings);
      await host.markCells(marks);
      setMarked(host.markedCount?.() ?? marks.length);
      setNotice(t.marked(marks.length));
    });

  const clear = () =>
    task.run(t.marking, async () => {
      if (!host.clearMarks) throw new Error(t.markUnsupported);
      await host.clearMarks();
      setMarked(0);
      setNotice(t.cleared);
    });

  const report = () =>
    task.run(t.reporting, async () => {
      if (!findings) return;
      const wb = await host.readWorkbook();
      const cs = planReport(findings, wb.sheets.map((x) => x.name), { subject: settings.unitName });
      const name = cs.newSheets[0].name;
      await host.applyChanges(cs);
      setNotice(
        <>
          {t.reportDone(name)}{" "}
          <Link as="button" onClick={() => void task.run(t.goTo, async () => (host.activateSheet ? host.activateSheet(name) : host.select({ sheet: name, address: "A1" })))}>
            {t.goTo} {name}
          </Link>
        </>,
      );
      await reload().catch(() => undefined);
    });

  const counts = findings ? countBySeverity(findings) : null;
  const groups = findings ? groupFindings(findings, groupBy, t.other) : [];

  return (
    <div className={s.panel}>
      <Text className={s.intro}>{t.checkIntro}</Text>
      <div className={s.section}>
        <div className={s.row} style={{ alignItems: "flex-start" }}>
          <Field label={t.checkScope} className={s.grow}>
            <RadioGroup value={scope} onChange={(_, d) => setScope(d.value as "workbook" | "sheet")}>
              <Radio value="workbook" label={t.wholeWorkbook} />
              <Radio value="sheet" label={t.activeSheet} />
            </RadioGroup>
          </Field>
          <Field label={t.tolerance} className={s.grow}>
            <RadioGroup value={String(factor)} onChange={(_, d) => updateSettings({ roundingFactor: Number(d.value) as 0 | 1 | 2 })}>
              <Radio value="0" label={t.tolStrict} />
              <Radio value="1" label={t.tolStandard} />
              <Radio value="2" label={t.tolLoose} />
            </RadioGroup>
          </Field>
        </div>
        <CompanionFiles purposes={["narrative", "previous"]} lang={lang} onChange={setCompanions} disabled={!!task.busy} work={work} />
      </div>
      <div className={s.actions}>
        <Button appearance="primary" onClick={() => void runCheck()} disabled={!!task.busy} data-testid="run-check">
          {findings ? t.recheck : t.runCheck}
        </Button>
      </div>
      {task.busy && <Progress label={task.busy} />}
      {Boolean(task.error) && <ErrorMessage error={task.error} t={t} />}
      {findings && counts && (
        <div className={s.section} data-testid="check-results">
          <div className={st.counts} data-testid="check-counts" aria-label={t.summary(counts.error, counts.warning, counts.info)}>
            {(["error", "warning", "info"] as Severity[]).map((sv) => (
              <Badge key={sv} appearance={counts[sv] ? "filled" : "tint"} color={counts[sv] ? SEV_COLOR[sv] : "subtle"} size="large">
                {sevLabel(sv, t)} {counts[sv]}
              </Badge>
            ))}
          </div>
          {findings.length > 0 && (
            <div className={s.actions}>
              <Button size="small" onClick={() => void mark()} disabled={!!task.busy || !host.markCells} data-testid="mark">
                {t.mark}
              </Button>
              <Button size="small" onClick={() => void clear()} disabled={!!task.busy || !host.clearMarks || marked === 0} data-testid="clear-marks">
                {t.clearMarks}
              </Button>
              <Button size="small" onClick={() => void report()} disabled={!!task.busy} data-testid="report">
                {t.report}
              </Button>
            </div>
          )}
          {findings.length > 0 && (
            <div className={s.row}>
              <Text size={200} id="group-by-label">
                {t.groupBy}
              </Text>
              <RadioGroup layout="horizontal" value={groupBy} onChange={(_, d) => setGroupBy(d.value as "table" | "sheet")} aria-labelledby="group-by-label">
                <Radio value="table" label={t.byTable} />
                <Radio value="sheet" label={t.bySheet} />
              </RadioGroup>
            </div>
          )}
        </div>
      )}
      {notice && (
        <MessageBar intent="success" layout="multiline" data-testid="check-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {findings && findings.length === 0 && (
        <MessageBar intent="success" data-testid="no-findings">
          <MessageBarBody>{t.noFindings}</MessageBarBody>
        </MessageBar>
      )}
      {groups.map((g) => (
        <section key={g.key} className={st.group} data-testid="finding-group" aria-label={g.label}>
          <h2 className={st.groupHead}>
            <span className={s.breakAll}>{g.label}</span>
            {(["error", "warning", "info"] as Severity[])
              .filter((sv) => g.counts[sv] > 0)
              .map((sv) => (
                <Badge key={sv} shape="circular" appearance={sv === "info" ? "tint" : "filled"} color={SEV_COLOR[sv]} size="small" aria-label={`${sevLabel(sv, t)} ${g.counts[sv]}`}>
                  {g.counts[sv]}
                </Badge>
              ))}
          </h2>
          {g.bySeverity.map(({ severity, findings: fs }) => {
            const pageKey = `${g.key}/${severity}`;
            const limit = shown[pageKey] ?? PAGE;
            return (
              <div key={severity} className={st.group}>
                <h3 className={st.sevHead}>
                  {sevLabel(severity, t)} · {fs.length}
                </h3>
                <ul className={s.list}>
                  {fs.slice(0, limit).map((f, i) => {
                    const key = `${pageKey}/${i}`;
                    return (
                      <li key={key}>
                        <div
                          role="button"
                          tabIndex={0}
                          title={t.findingHint}
                          data-testid="finding"
                          data-cell={`${f.sheet}!${f.cell}`}
                          aria-pressed={selected === key}
                          className={mergeClasses(st.finding, st[severity], selected === key && st.selected)}
                          onClick={() => void select(f, key)}
                          onKeyDown={(e) => {
                            if (e.key === "Enter" || e.key === " ") {
                              e.preventDefault();
                              void select(f, key);
                            }
                          }}
                        >
                          <span className={st.where}>
                            {f.sheet}!{f.cell}
                          </span>
                          <span className={st.message}>{f.message}</span>
                          {(f.expected !== undefined || f.actual !== undefined || f.difference !== undefined) && (
                            <span className={st.figures}>
                              {f.expected !== undefined && (
                                <span>
                                  {t.expected} {formatFigure(f.expected)}
                                </span>
                              )}
                              {f.actual !== undefined && (
                                <span>
                                  {t.stated} {formatFigure(f.actual)}
                                </span>
                              )}
                              {f.difference !== undefined && (
                                <span className={severity === "error" ? st.diff : undefined}>
                                  {t.difference} {f.difference > 0 ? "+" : ""}
                                  {formatFigure(f.difference)}
                                </span>
                              )}
                            </span>
                          )}
                          {selected === key && <FindingParagraph finding={f} lang={lang} />}
                        </div>
                      </li>
                    );
                  })}
                </ul>
                {fs.length > limit && (
                  <Button size="small" appearance="subtle" onClick={() => setShown((m) => ({ ...m, [pageKey]: limit + PAGE }))}>
                    … {fs.length - limit}
                  </Button>
                )}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
