/**
 * The header: the one WorkContext every action uses (the year and where it comes from, the
 * catalog edition and its note when the year has none of its own), then what the pane
 * detected in the workbook: unit, amount unit, the standard tables found and missing — counted
 * on the table set the checker uses (requiredTables "auto": the 14 when any of T10–T14 is
 * there, else the 9).
 */
import * as React from "react";
import { Button, Spinner, Text, makeStyles, tokens, Badge } from "@fluentui/react-components";
import type { Workbook } from "../core/model";
import type { Detected } from "../core/report/detected";
import { requiredTables, STANDARD_TABLES } from "../core/specs/tables";
import type { WorkContext, YearSource } from "../core/workflows/context";
import type { Lang, Strings } from "./i18n";
import { ErrorMessage } from "./errors";

/** The table set the header counts on: the checker's (completeness rule, tableSet "auto"). */
export function tableCounts(detected: Detected): { found: number; of: number; missing: number } {
  const required = requiredTables(detected.tables.map((x) => x.id));
  const ids = new Set(required.map((x) => x.id));
  return { found: detected.tables.filter((x) => ids.has(x.id)).length, of: required.length, missing: detected.missing.length };
}

export function yearSourceLabel(src: YearSource, t: Strings): string {
  return src === "chosen" ? t.srcChosen : src === "workbook" ? t.srcWorkbook : t.srcDefault;
}

function yearSourceHelp(src: YearSource, t: Strings): string {
  return src === "chosen" ? t.srcChosenHelp : src === "workbook" ? t.srcWorkbookHelp : t.srcDefaultHelp;
}

/** The edition's note: the catalog's own words in Chinese, the same fact in English. */
export function editionNote(work: WorkContext, t: Strings, lang: Lang): string | undefined {
  if (!work.editionNote || work.edition === null) return undefined;
  return lang === "zh-CN" ? work.editionNote : t.editionFallback(work.year, work.edition);
}

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "10px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  facts: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: "10px", rowGap: "2px", margin: 0, minWidth: 0 },
  dt: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap" },
  dd: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", minWidth: 0 },
  top: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "6px" },
  summary: { cursor: "pointer", fontSize: tokens.fontSizeBase200, display: "flex", alignItems: "center", gap: "6px", flexWrap: "wrap", minHeight: "24px" },
  target: { minHeight: "24px", minWidth: "24px" },
  source: {
    marginLeft: "6px",
    padding: "0 6px",
    borderRadius: tokens.borderRadiusCircular,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    whiteSpace: "nowrap",
  },
  note: { display: "block", fontWeight: tokens.fontWeightRegular, color: tokens.colorPaletteDarkOrangeForeground1, "@media (forced-colors: active)": { color: "CanvasText" } },
  tables: { margin: "4px 0 0 0", paddingLeft: "18px", fontSize: tokens.fontSizeBase200 },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function Header({
  t,
  lang = "zh-CN",
  detected,
  wb,
  reading,
  readingLabel,
  error,
  onRefresh,
  work,
}: {
  t: Strings;
  lang?: Lang;
  detected: Detected | null;
  wb: Workbook | null;
  reading: boolean;
  /** What the spinner says (default: reading the workbook). */
  readingLabel?: string;
  error: unknown;
  onRefresh: () => void;
  work?: WorkContext;
}): React.ReactElement {
  const s = useStyles();
  const title = (id: string) => STANDARD_TABLES.find((x) => x.id === id)?.title ?? id;
  const counts = detected ? tableCounts(detected) : null;
  const note = work ? editionNote(work, t, lang) : undefined;
  return (
    <section className={s.card} aria-label={t.detected} data-testid="detected">
      <div className={s.top}>
        <Text weight="semibold" size={300}>
          {t.detected}
          {wb && <span className={s.muted}> · {t.sheetsCount(wb.sheets.length)}</span>}
        </Text>
        {reading ? (
          <Spinner size="extra-tiny" label={readingLabel ?? t.reading} labelPosition="before" />
        ) : (
          <Button size="small" appearance="subtle" className={s.target} onClick={onRefresh} data-testid="refresh">
            {t.refresh}
          </Button>
        )}
      </div>
      {Boolean(error) && <ErrorMessage error={error} t={t} onRetry={onRefresh} />}
      {(detected || work) && (
        <dl className={s.facts}>
          {work ? (
            <>
              <dt className={s.dt}>{t.year}</dt>
              <dd className={s.dd} data-testid="work-year" title={yearSourceHelp(work.yearSource, t)}>
                <span data-testid="detected-year">{work.year}</span>
                <span className={s.source} data-testid="work-year-source">
                  {yearSourceLabel(work.yearSource, t)}
                </span>
              </dd>
              <dt className={s.dt}>{t.edition}</dt>
              <dd className={s.dd} data-testid="work-edition">
                {work.edition === null ? <span className={s.muted}>{t.editionNone}</span> : t.editionOf(work.edition)}
                {note && (
                  <span className={s.note} data-testid="work-edition-note">
                    {note}
                  </span>
                )}
              </dd>
            </>
          ) : (
            <>
              <dt className={s.dt}>{t.year}</dt>
              <dd className={s.dd} data-testid="detected-year">
                {detected?.year ?? <span className={s.muted}>{t.notDetected}</span>}
              </dd>
            </>
          )}
          {detected && (
            <>
            <dt className={s.dt}>{t.unit}</dt>
            <dd className={s.dd} data-testid="detected-unit">
              {detected.unitName ?? <span className={s.muted}>{t.notDetected}</span>}
            </dd>
            <dt className={s.dt}>{t.amountUnit}</dt>
            <dd className={s.dd}>{detected.amountUnit ?? <span className={s.muted}>{t.notDetected}</span>}</dd>
            </>
          )}
        </dl>
      )}
      {detected && counts && (
        <>
          <details>
            <summary className={s.summary} data-testid="detected-tables">
              <span>{t.tablesFound(counts.found, counts.of)}</span>
              {counts.missing ? (
                <Badge appearance="tint" color="warning" size="small">
                  {t.tablesMissing} {counts.missing}
                </Badge>
              ) : (
                <Badge appearance="tint" color="success" size="small">
                  {t.noneMissing(counts.of)}
                </Badge>
              )}
            </summary>
            {detected.tables.length > 0 && (
              <ul className={s.tables}>
                {detected.tables.map((x) => (
                  <li key={x.id}>
                    {x.title}<span className={s.muted}>（{x.sheet}）</span>
                  </li>
                ))}
              </ul>
            )}
            {detected.missing.length > 0 && (
              <div className={s.tables}>
                <span className={s.missing}>{t.tablesMissing}：</span>
                {detected.missing.map(title).join("、")}
              </div>
            )}
          </details>
        </>
      )}
    </section>
  );
}
