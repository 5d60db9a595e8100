/** What the pane detected in the workbook: year, unit, amount unit, standard tables found and missing. */
import * as React from "react";
import { Button, Spinner, Text, makeStyles, tokens, Badge } from "@fluentui/react-components";
import type { Workbook } from "../core/model";
import type { Detected } from "../core/report/detected";
import { STANDARD_TABLES } from "../core/specs/tables";
import type { Strings } from "./i18n";
import { ErrorMessage } from "./errors";

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
  summary: { cursor: "pointer", fontSize: tokens.fontSizeBase200, display: "flex", alignItems: "center", gap: "6px", flexWrap: "wrap" },
  tables: { margin: "4px 0 0 0", paddingLeft: "18px", fontSize: tokens.fontSizeBase200 },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function Header({
  t,
  detected,
  wb,
  reading,
  error,
  onRefresh,
}: {
  t: Strings;
  detected: Detected | null;
  wb: Workbook | null;
  reading: boolean;
  error: unknown;
  onRefresh: () => void;
}): React.ReactElement {
  const s = useStyles();
  const title = (id: string) => STANDARD_TABLES.find((x) => x.id === id)?.title ?? id;
  return (
    <section className={s.card} aria-label={t.detected} data-testid="detected">
      <div className={s.top}>
        <Text weight="semibold" size={300}>
          {t.detected}
          {wb && <span className={s.muted}> · {t.sheetsCount(wb.sheets.length)}</span>}
        </Text>
        {reading ? (
          <Spinner size="extra-tiny" label={t.reading} labelPosition="before" />
        ) : (
          <Button size="small" appearance="subtle" onClick={onRefresh}>
            {t.refresh}
          </Button>
        )}
      </div>
      {Boolean(error) && <ErrorMessage error={error} t={t} onRetry={onRefresh} />}
      {detected && (
        <>
          <dl className={s.facts}>
            <dt className={s.dt}>{t.year}</dt>
            <dd className={s.dd} data-testid="detected-year">
              {detected.year ?? <span className={s.muted}>{t.notDetected}</span>}
            </dd>
            <dt className={s.dt}>{t.unit}</dt>
            <dd className={s.dd} data-testid="detected-unit">
              {detected.unitName ?? <span className={s.muted}>{t.notDetected}</span>}
            </dd>
            <dt className={s.dt}>{t.amountUnit}</dt>
            <dd className={s.dd}>{detected.amountUnit ?? <span className={s.muted}>{t.notDetected}</span>}</dd>
          </dl>
          <details>
            <summary className={s.summary} data-testid="detected-tables">
              <span>{t.tablesFound(detected.tables.length)}</span>
              {detected.missing.length ? (
                <Badge appearance="tint" color="warning" size="small">
                  {t.tablesMissing} {detected.missing.length}
                </Badge>
              ) : (
                <Badge appearance="tint" color="success" size="small">
                  {t.noneMissing}
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
