/**
 * 起草说明: write the 情况说明 from the tables (core/draft), preview it, then insert it as a new
 * sheet (never over an existing one) or copy it; undo removes the sheet again — only while it is
 * unchanged, so a reason the user has filled in is never thrown away. Presentational over the use
 * case in core/workflows/draft.ts; the year is the one of WorkContext (props.work).
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { renderNotes, type DraftInsertion } from "../../core/draft";
import { CompanionFiles, type Companions } from "./CompanionFile";
import { confirmDraft, hasDraft, previewDraft, undoDraft, type DraftRequest } from "../../core/workflows/draft";
import { knownYear } from "../../core/workflows/context";
import { ErrorMessage } from "../errors";
import { STRINGS } from "../i18n";
import { ActionBar, Progress, useTask, usePanelStyles, type PanelProps } from "../shared";
import { FeatureNote, useFeature } from "../capabilities";

const TEXT = {
  "zh-CN": {
    tab: "起草说明",
    intro: "根据已识别的表格起草情况说明：数字取自表格，占比和增减自动计算，原因、用途留给您填写（【请填写…】）。",
    preview: "预览草稿",
    insert: "插入为新工作表",
    copy: "复制文字",
    copied: "已复制到剪贴板。",
    undo: "撤销插入",
    undoBlocked: "草稿工作表已被修改，为免丢失您填写的内容，不再撤销；如需删除请在 Excel 中删除该工作表。",
    inserted: (name: string) => `已插入工作表“${name}”。`,
    nothing: "没有识别到可据以起草的预算表（部门收支总表、一般公共预算支出表等）。",
    placeholders: (n: number) => `还有 ${n} 处【请填写…】需要填写。`,
    working: "正在起草…",
    changed: "工作簿在预览后有变化，已按最新内容重新起草，请再看一遍。",
    textLabel: "草稿文字",
    notesLabel: "草稿说明与未写的部分",
  },
  "en-US": {
    tab: "Draft text",
    intro: "Drafts the explanatory text from the recognised tables: figures from the tables, shares and changes computed; reasons and uses are left for you (【请填写…】).",
    preview: "Preview draft",
    insert: "Insert as a new sheet",
    copy: "Copy text",
    copied: "Copied to the clipboard.",
    undo: "Undo insertion",
    undoBlocked: "The draft sheet has been edited; to keep what you wrote it is not undone. Delete the sheet in Excel if you want it gone.",
    inserted: (name: string) => `Inserted sheet “${name}”.`,
    nothing: "No budget tables to draft from were recognised (收支总表, 一般公共预算支出表 …).",
    placeholders: (n: number) => `${n} placeholder(s) 【请填写…】 left to fill in.`,
    working: "Drafting…",
    changed: "The workbook changed after the preview; the draft was made again from it, please look again.",
    textLabel: "Draft text",
    notesLabel: "Notes on the draft and the parts left out",
  },
};

export { draftTabLabel } from "./draftLabel";

const useStyles = makeStyles({
  text: { whiteSpace: "pre-wrap", fontSize: tokens.fontSizeBase200, maxHeight: "420px", overflowY: "auto", overflowWrap: "anywhere", margin: 0 },
});

export function DraftPanel({ host, t, lang, reload, work, caps }: PanelProps): React.ReactElement {
  const s = usePanelStyles();
  // preview and copy only read; inserting the sheet writes (ExcelApi 1.9)
  const canWrite = useFeature(caps, "write", lang);
  const st = useStyles();
  const x = t === STRINGS["en-US"] ? TEXT["en-US"] : TEXT["zh-CN"];
  const task = useTask();
  const [preview, setPreview] = React.useState<DraftInsertion | null>(null);
  const [inserted, setInserted] = React.useState<DraftInsertion | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const undoRef = React.useRef<HTMLButtonElement>(null);

  /** What to draft: the year of WorkContext. */
  const [companions, setCompanions] = React.useState<Companions>({});
  // last year's disclosure picked beside the workbook (CompanionFile): the draft compares with it
  const request = (): DraftRequest => ({ year: knownYear(work), previousWorkbook: companions.previous?.workbook });

  React.useEffect(() => {
    if (inserted) undoRef.current?.focus();
  }, [inserted]);

  const doPreview = () =>
    task.run(x.working, async () => {
      setNotice(null);
      setPreview(await previewDraft(host, request()));
    });

  const insert = () =>
    task.run(x.working, async () => {
      if (!preview) return;
      const outcome = await confirmDraft(host, preview, request());
      if (outcome.status === "changed") {
        setPreview(outcome.preview);
        setNotice(x.changed);
        return;
      }
      if (outcome.status === "nothing") {
        setNotice(x.nothing);
        return;
      }
      setInserted(outcome.inserted);
      setPreview(null);
      setNotice(x.inserted(outcome.inserted.sheetName));
      await reload().catch(() => undefined);
    });

  const undo = () =>
    task.run(x.working, async () => {
      if (!inserted) return;
      const outcome = await undoDraft(host, inserted);
      if (outcome.status === "refused") {
        setNotice(x.undoBlocked);
        return;
      }
      setInserted(null);
      setNotice(null);
      await reload().catch(() => undefined);
    });

  const copy = () =>
    task.run(x.working, async () => {
      if (!preview) return;
      await navigator.clipboard?.writeText(preview.text);
      setNotice(x.copied);
    });

  const left = preview ? (preview.text.match(/【请填写[^】]*】/g) ?? []).length : 0;
  const ready = !!preview && hasDraft(preview);
  // progress, error and outcome together: the outcome stays (and keeps the focus) while the header re-reads
  const status = (
    <>
      {task.busy && <Progress label={task.busy} live={false} />}
      {Boolean(task.error) && <ErrorMessage t={t} error={task.error} />}
      {notice && (
        <Text as="p" data-testid="draft-notice" style={{ margin: 0 }}>
          {notice}
        </Text>
      )}
    </>
  );

  return (
    <div className={s.panel} data-testid="draft-panel">
      <Text className={s.intro}>{x.intro}</Text>
      <CompanionFiles purposes={["previous"]} lang={lang} onChange={setCompanions} disabled={!!task.busy} work={work} />
      {preview && !hasDraft(preview) && (
        <MessageBar intent="warning">
          <MessageBarBody>{x.nothing}</MessageBarBody>
        </MessageBar>
      )}
      {preview && ready && (
        <div className={s.section}>
          {left > 0 && <Text className={s.small}>{x.placeholders(left)}</Text>}
          {/* scrollable: a Tab stop of its own, so the keyboard can scroll it */}
          <pre className={st.text} data-testid="draft-text" tabIndex={0} role="region" aria-label={x.textLabel}>
            {preview.text}
          </pre>
          <pre className={`${st.text} ${s.small}`} tabIndex={0} role="region" aria-label={x.notesLabel}>
            {renderNotes(preview.draft)}
          </pre>
        </div>
      )}
      <ActionBar label={t.draftActions} status={status}>
        {ready && (
          <>
            <FeatureNote state={canWrite} testId="draft-feature-note" />
            <Button appearance="primary" onClick={insert} disabled={!!task.busy} disabledFocusable={!canWrite.ok} aria-describedby={canWrite.noteId} data-testid="draft-insert">
              {x.insert}
            </Button>
            <Button onClick={copy} disabled={!!task.busy} data-testid="draft-copy">
              {x.copy}
            </Button>
          </>
        )}
        <Button appearance={ready ? "secondary" : "primary"} onClick={doPreview} disabled={!!task.busy} data-testid="draft-preview">
          {x.preview}
        </Button>
        {inserted && (
          <Button ref={undoRef} onClick={undo} disabled={!!task.busy} data-testid="draft-undo">
            {x.undo}
          </Button>
        )}
      </ActionBar>
    </div>
  );
}
