/**
 * A file beside the open workbook, picked in the pane: the 情况说明 as a .docx / .pdf (its text
 * is checked against the workbook's tables, as `check 表.xlsx --narrative 说明.docx`) or last
 * year's disclosure (.xlsx / .pdf / .docx: the year-over-year rule and the draft's 比上年).
 *
 * - CompanionFiles: one picker per purpose (a Button opening a hidden file input; the chosen
 *   file's name, what was found in it, and a button removing it; a clear message when it cannot
 *   be read). It reports the files read to the panel (onChange).
 * - FindingParagraph: under a finding in the document's text, the paragraph it is about, the
 *   figure highlighted (there is no cell to select for it).
 *
 * The readers are loaded on demand (src/hosts/browser/files.ts); this file holds only the UI.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/checks/types";
import { isHostError } from "../../hosts/host";
import {
  COMPANION_ACCEPT,
  checkWithCompanions,
  checkWithCompanionsAsync,
  figureSpan,
  paragraphOf,
  readCompanionFile,
  type CompanionPurpose,
  type CompanionRead,
  type Companions,
} from "../../hosts/browser/files";
import type { Lang } from "../i18n";
import { knownYear, type WorkContext } from "../../core/workflows/context";

export type { Companions, CompanionRead, CompanionPurpose };
export { checkWithCompanions, checkWithCompanionsAsync, paragraphOf };

const TEXT = {
  "zh-CN": {
    label: { narrative: "情况说明文件（可选）", previous: "上年公开文件（可选）" } as Record<CompanionPurpose, string>,
    hint: {
      narrative: "选择 Word（.docx）或 PDF 格式的情况说明，核对其中的数字与本工作簿的表格是否一致。",
      previous: "选择上年公开的预算工作簿（.xlsx，也可以是 PDF 或 Word），核对或写出“比上年增加 / 减少”。",
    } as Record<CompanionPurpose, string>,
    choose: { narrative: "选择情况说明…", previous: "选择上年文件…" } as Record<CompanionPurpose, string>,
    replace: "更换…",
    remove: "移除",
    removeLabel: (name: string) => `移除文件“${name}”`,
    reading: (name: string) => `正在读取“${name}”…`,
    found: (c: CompanionRead) => [c.year ? `${c.year} 年` : "", c.tables ? `识别到 ${c.tables} 张表` : "", c.paragraphs ? `${c.paragraphs} 段文字` : ""].filter(Boolean).join("，"),
    cannotRead: "无法读取所选文件",
    otherError: "读取文件时出错，请重新选择文件；如仍出错，请改用另存后的文件。",
    inFile: (file: string, where?: string) => `所在段落：${file}${where ? ` ${where}` : ""}`,
    otherYear: (p: CompanionPurpose, found: number, year: number) =>
      p === "previous" ? `所选文件是 ${found} 年的，而本年为 ${year} 年（上年应为 ${year - 1} 年），请确认选对了文件。` : `所选说明是 ${found} 年的，而本工作簿为 ${year} 年，请确认选对了文件。`,
  },
  "en-US": {
    label: { narrative: "Explanatory text file (optional)", previous: "Last year's disclosure (optional)" } as Record<CompanionPurpose, string>,
    hint: {
      narrative: "Pick the 情况说明 as Word (.docx) or PDF to check its figures against this workbook's tables.",
      previous: "Pick last year's budget workbook (.xlsx; PDF or Word also work) to check or write the year-over-year comparisons.",
    } as Record<CompanionPurpose, string>,
    choose: { narrative: "Choose text file…", previous: "Choose last year's file…" } as Record<CompanionPurpose, string>,
    replace: "Replace…",
    remove: "Remove",
    removeLabel: (name: string) => `Remove file “${name}”`,
    reading: (name: string) => `Reading “${name}”…`,
    found: (c: CompanionRead) => [c.year ? `${c.year}` : "", c.tables ? `${c.tables} table(s)` : "", c.paragraphs ? `${c.paragraphs} paragraph(s)` : ""].filter(Boolean).join(", "),
    cannotRead: "The file could not be read",
    otherError: "The file could not be read; pick it again, or save it anew and pick that copy.",
    inFile: (file: string, where?: string) => `Paragraph: ${file}${where ? ` ${where}` : ""}`,
    otherYear: (p: CompanionPurpose, found: number, year: number) =>
      p === "previous" ? `The file is for ${found}, but this year is ${year} (last year is ${year - 1}): please check it is the right file.` : `The text is for ${found}, but this workbook is for ${year}: please check it is the right file.`,
  },
};

const useStyles = makeStyles({
  picker: { display: "flex", flexDirection: "column", gap: "4px", minWidth: 0 },
  label: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  chosen: {
    display: "flex",
    alignItems: "center",
    gap: "6px",
    flexWrap: "wrap",
    padding: "4px 6px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    minWidth: 0,
  },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
  found: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  para: {
    margin: "4px 0 0",
    padding: "6px 8px",
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    whiteSpace: "pre-wrap",
  },
  paraWhere: { display: "block", fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2, marginBottom: "2px" },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground3, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, padding: "0 1px" },
});

interface PickerProps {
  purpose: CompanionPurpose;
  lang: Lang;
  value: CompanionRead | null;
  onChange: (v: CompanionRead | null) => void;
  disabled?: boolean;
  /** The year of the work (a file of another year is pointed out, unless the year is only the default guess). */
  work?: WorkContext;
}

/** One picker: a button opening the file dialog (keyboard: Tab, Enter / Space), the chosen file and a remove button. */
export function CompanionPicker({ purpose, lang, value, onChange, disabled, work }: PickerProps): React.ReactElement {
  const st = useStyles();
  const x = TEXT[lang] ?? TEXT["zh-CN"];
  const input = React.useRef<HTMLInputElement>(null);
  const [reading, setReading] = React.useState<string | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  const id = React.useId();
  const seq = React.useRef(0);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    const n = ++seq.current;
    setError(null);
    setReading(file.name);
    try {
      const read = await readCompanionFile(file, purpose);
      if (n === seq.current) onChange(read);
    } catch (e) {
      if (n === seq.current) {
        setError(e);
        onChange(null);
      }
    } finally {
      if (n === seq.current) setReading(null);
      // the same file can be picked again (after it was fixed)
      if (input.current) input.current.value = "";
    }
  };

  const remove = () => {
    seq.current++;
    setError(null);
    setReading(null);
    onChange(null);
  };

  const message = error ? (isHostError(error) ? (error as Error).message : x.otherError) : null;
  const year = work ? knownYear(work) : undefined;
  const expectYear = year === undefined ? undefined : purpose === "previous" ? year - 1 : year;
  const otherYear = value?.year !== undefined && expectYear !== undefined && value.year !== expectYear && year !== undefined ? x.otherYear(purpose, value.year, year) : null;
  return (
    <div className={st.picker} role="group" aria-labelledby={`${id}-label`} data-testid={`companion-${purpose}`}>
      <span id={`${id}-label`} className={st.label}>
        {x.label[purpose]}
      </span>
      <span id={`${id}-hint`} className={st.hint}>
        {x.hint[purpose]}
      </span>
      <input
        ref={input}
        type="file"
        accept={COMPANION_ACCEPT[purpose]}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid={`companion-${purpose}-input`}
        onChange={(e) => void pick(e.currentTarget.files?.[0])}
      />
      {value && (
        <div className={st.chosen} data-testid={`companion-${purpose}-chosen`}>
          <span className={st.name}>
            {value.name}
            {x.found(value) && <span className={st.found}>（{x.found(value)}）</span>}
          </span>
          <Button size="small" appearance="subtle" onClick={remove} aria-label={x.removeLabel(value.name)} disabled={disabled} data-testid={`companion-${purpose}-remove`}>
            {x.remove}
          </Button>
        </div>
      )}
      <div className={st.row}>
        <Button size="small" onClick={() => input.current?.click()} disabled={disabled || !!reading} aria-describedby={`${id}-hint`} data-testid={`companion-${purpose}-choose`}>
          {value ? x.replace : x.choose[purpose]}
        </Button>
        {reading && <Spinner size="extra-tiny" label={x.reading(reading)} labelPosition="after" data-testid={`companion-${purpose}-reading`} />}
      </div>
      {otherYear && (
        <MessageBar intent="warning" layout="multiline" data-testid={`companion-${purpose}-year`}>
          <MessageBarBody>{otherYear}</MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent="error" layout="multiline" role="alert" data-testid={`companion-${purpose}-error`}>
          <MessageBarBody>
            <MessageBarTitle>{x.cannotRead}</MessageBarTitle>
            <div style={{ overflowWrap: "anywhere" }}>{message}</div>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** The pickers of a panel (narrative and / or previous), reporting the files read. */
export function CompanionFiles({ purposes, lang, onChange, disabled, work }: { purposes: CompanionPurpose[]; lang: Lang; onChange: (c: Companions) => void; disabled?: boolean; work?: WorkContext }): React.ReactElement {
  const [files, setFiles] = React.useState<Companions>({});
  const set = (p: CompanionPurpose, v: CompanionRead | null) =>
    setFiles((prev) => {
      const next = { ...prev, [p]: v };
      onChange(next);
      return next;
    });
  return (
    <>
      {purposes.map((p) => (
        <CompanionPicker key={p} purpose={p} lang={lang} value={files[p] ?? null} onChange={(v) => set(p, v)} disabled={disabled} work={work} />
      ))}
    </>
  );
}

/** The paragraph a finding in the picked document is about, its figure highlighted; nothing for other findings. */
export function FindingParagraph({ finding, lang }: { finding: Finding; lang: Lang }): React.ReactElement | null {
  const st = useStyles();
  const p = paragraphOf(finding);
  if (!p || !p.text) return null;
  const x = TEXT[lang] ?? TEXT["zh-CN"];
  const span = figureSpan(p.text, finding);
  return (
    <blockquote className={st.para} data-testid="finding-paragraph">
      <span className={st.paraWhere}>{x.inFile(p.file, p.where)}</span>
      {span ? (
        <>
          {p.text.slice(0, span[0])}
          <mark className={st.mark} data-testid="finding-figure">
            {p.text.slice(span[0], span[1])}
          </mark>
          {p.text.slice(span[1])}
        </>
      ) : (
        p.text
      )}
    </blockquote>
  );
}

/** Text of this file (for tests and other panels). */
export const COMPANION_TEXT = TEXT;

/** Whether a finding is in the picked document's text (it has no cell in the workbook to select). */
export function inCompanionText(f: Finding): boolean {
  return paragraphOf(f) !== undefined;
}
