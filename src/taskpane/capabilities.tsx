/**
 * What this Excel can do (src/hosts/office/features.ts), as the panels show it: a control whose
 * feature is missing is disabled (still focusable, so a screen reader finds it) and described by
 * the feature's note beside it — never a click that fails. The settings panel lists every
 * feature with ✓ or its note, and the ExcelApi version found.
 */
import * as React from "react";
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { FEATURES, featureName, featureNote, type Capabilities, type Feature } from "../hosts/office/features";
import type { Lang } from "./i18n";

/** Outside Excel without a Capabilities prop (the tests, older callers): everything the panels write with is there. */
const ALL: Capabilities = { source: "none", excelApi: null, has: { read: true, write: true, printSetup: true, sharedRuntime: false, customFunction: false, ribbon: false } };

export interface FeatureState {
  /** The feature is there. */
  ok: boolean;
  /** Its note when missing (featureNote), else null. */
  note: string | null;
  /** The id of the note's element: the disabled control's aria-describedby. */
  noteId: string | undefined;
}

/** Whether a feature is there and, when not, the note to show and the id linking it to its control. */
export function useFeature(caps: Capabilities | undefined, feature: Feature, lang: Lang): FeatureState {
  const id = React.useId();
  const note = featureNote(caps ?? ALL, feature, lang);
  return { ok: note === null, note, noteId: note === null ? undefined : `feature-${feature}-${id.replace(/:/g, "")}` };
}

/**
 * The note of a missing feature, beside its control (nothing when the feature is there). Made for
 * the ActionBar's row of buttons: it takes a line of its own there. `then`: what happens instead
 * (the print setup is skipped, the tables are still inserted).
 */
export function FeatureNote({ state, then, testId }: { state: FeatureState; then?: string; testId?: string }): React.ReactElement | null {
  if (state.ok || !state.note) return null;
  return (
    <div style={{ flexBasis: "100%", minWidth: 0 }}>
      <MessageBar intent="warning" layout="multiline" data-testid={testId ?? "feature-note"}>
        <MessageBarBody id={state.noteId}>
          {state.note}
          {then ? ` ${then}` : ""}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

/** What the pane does instead when a feature is missing (said after its note). */
export const INSTEAD = {
  "zh-CN": { printSetup: "表格照常插入，只是不做打印设置（横向、适合页宽、重复标题行），请在 Excel 的“页面布局”中设置。" },
  "en-US": { printSetup: "The tables are still inserted, without their print setup (orientation, fit to width, repeated header rows): set it in Excel's Page Layout." },
} as const;

const TEXT = {
  "zh-CN": {
    title: "此 Excel 支持的功能",
    excelApi: (v: string) => `ExcelApi 最高版本：${v}`,
    noExcelApi: "不在 Excel 中（浏览器预览）：读写的是模拟工作簿；公式和功能区按钮只在 Excel 中可用。",
    noExcelApiInExcel: "Excel 未报告任何 ExcelApi 版本。",
    yes: "（支持）",
  },
  "en-US": {
    title: "What this Excel supports",
    excelApi: (v: string) => `Highest ExcelApi: ${v}`,
    noExcelApi: "Not in Excel (browser preview): a simulated workbook is read and written; the formula and the ribbon button exist only in Excel.",
    noExcelApiInExcel: "Excel reported no ExcelApi version.",
    yes: " (supported)",
  },
};

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  item: { display: "flex", gap: "6px", alignItems: "baseline", minWidth: 0, overflowWrap: "anywhere" },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, margin: 0 },
});

/** Settings: every feature, ✓ or its note, and the ExcelApi version this Excel reported. */
export function CapabilityList({ caps, lang, className }: { caps: Capabilities; lang: Lang; className?: string }): React.ReactElement {
  const st = useStyles();
  const x = TEXT[lang];
  return (
    <section className={className} aria-labelledby="caps-title" data-testid="settings-capabilities">
      <h3 id="caps-title" className={st.title}>
        {x.title}
      </h3>
      <Text size={200} data-testid="settings-excelapi">
        {caps.excelApi ? x.excelApi(caps.excelApi) : caps.source === "none" ? x.noExcelApi : x.noExcelApiInExcel}
      </Text>
      <ul className={st.list}>
        {FEATURES.map((f) => {
          const note = featureNote(caps, f, lang);
          return (
            <li key={f} className={st.item} data-testid={`capability-${f}`} data-supported={note === null}>
              <span className={note === null ? st.ok : st.missing} aria-hidden="true">
                {note === null ? "✓" : "✗"}
              </span>
              {note === null ? (
                <span>
                  {featureName(f, lang)}
                  <span className={st.note}>{x.yes}</span>
                </span>
              ) : (
                // the note names the feature and what it needs
                <span className={st.note}>{note}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
