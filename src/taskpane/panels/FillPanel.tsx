/**
 * 填充科目名称: presentational over the use case in core/workflows/fill.ts — preview on a fresh
 * read (the scope resolved once), accept or reject each name change, 确认修改 writes only the
 * accepted ones (refused and re-previewed when the workbook changed since), 撤销 restores exactly.
 * The year is the one of WorkContext (props.work).
 */
import * as React from "react";
import { Badge, Button, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { FillItem } from "../../core/fill/plan";
import {
  acceptedChanges,
  confirmFill,
  fillItemKey,
  FillScopeError,
  indentOnlyEdits,
  isChoosable,
  previewFill,
  undoFill,
  type FillApplied,
  type FillPreview,
  type FillScope,
} from "../../core/workflows/fill";
import { ErrorMessage } from "../errors";
import type { Strings } from "../i18n";
import { ActionBar, Progress, useTask, usePanelStyles, type PanelProps } from "../shared";
import { FeatureNote, useFeature } from "../capabilities";

export { indentOnlyEdits };

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    minWidth: 0,
  },
  itemTop: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  change: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  old: { textDecorationLine: "line-through", color: tokens.colorNeutralForeground3 },
  scroll: { maxHeight: "420px", overflowY: "auto", overflowX: "hidden" },
});

function actionLabel(a: FillItem["action"], t: Strings): string {
  return a === "fill" ? t.actionFill : a === "fix" ? t.actionFix : a === "add-parent" ? t.actionAddParent : t.actionFlag;
}

export function FillPanel({ host, services, t, lang, detected, reload, work, caps }: PanelProps): React.ReactElement {
  const s = usePanelStyles();
  // the preview only reads; 确认修改 writes (ExcelApi 1.9)
  const canWrite = useFeature(caps, "write", lang);
  const st = useStyles();
  const task = useTask();
  const [scope, setScope] = React.useState<FillScope>("active");
  const [fixNames, setFixNames] = React.useState(true);
  const [addParents, setAddParents] = React.useState(false);
  const [indent, setIndent] = React.useState(false);
  const [preview, setPreview] = React.useState<FillPreview | null>(null);
  /** Keys (fillItemKey) of the name changes the user rejected; the rest are applied. */
  const [rejected, setRejected] = React.useState<Set<string>>(() => new Set());
  const [applied, setApplied] = React.useState<FillApplied | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [activeSheet, setActiveSheet] = React.useState<string | null>(null);
  const undoRef = React.useRef<HTMLButtonElement>(null);

  // name the active sheet in the scope choice (“当前工作表（表3）”)
  const refreshActive = React.useCallback(() => {
    host
      .getSelection()
      .then((sel) => setActiveSheet(sel?.sheet ?? null))
      .catch(() => undefined);
  }, [host]);
  React.useEffect(refreshActive, [refreshActive, detected]);

  // after 确认修改 the focus goes to 撤销, so the next key press can undo
  React.useEffect(() => {
    if (applied) undoRef.current?.focus();
  }, [applied]);

  const request = () => ({ scope, year: work.year, fixNames, addParents, indent });

  const doPreview = () =>
    task.run(t.previewing, async () => {
      setNotice(null);
      setApplied(null);
      setRejected(new Set());
      try {
        const p = await previewFill(host, services.catalog(), request());
        setPreview(p);
        if (p.target.sheet && scope === "active") setActiveSheet(p.target.sheet);
      } catch (e) {
        if (e instanceof FillScopeError) throw new Error(e.code === "no-selection" ? t.noSelection : e.message);
        throw e;
      }
    });

  const confirm = () =>
    task.run(t.applying, async () => {
      if (!preview) return;
      const outcome = await confirmFill(host, services.catalog(), preview, rejected);
      if (outcome.status === "changed") {
        setPreview(outcome.preview);
        setNotice(t.changed);
        return;
      }
      if (outcome.status === "nothing") {
        setNotice(t.nothingAccepted);
        return;
      }
      setApplied(outcome.applied);
      setPreview(null);
      setNotice(null);
      await reload().catch(() => undefined);
    });

  const undo = () =>
    task.run(t.applying, async () => {
      if (!applied) return;
      const outcome = await undoFill(host, applied);
      if (outcome.status === "refused") {
        setNotice(t.undoFillRefused);
        return;
      }
      setApplied(null);
      setNotice(t.undone);
      await reload().catch(() => undefined);
    });

  const goTo = (it: FillItem) => task.run(t.goTo, () => host.select({ sheet: it.sheet, address: it.cell }));

  const items = preview?.plan.items ?? [];
  const changes = items.filter((i) => i.action !== "flag");
  const flags = items.filter((i) => i.action === "flag");
  const choosable = changes.filter(isChoosable);
  const acceptedCount = preview ? acceptedChanges(preview.plan, rejected).edits.length : 0;
  const extraEdits = preview ? indentOnlyEdits(preview.plan) : 0;
  const setAccepted = (key: string, on: boolean) =>
    setRejected((prev) => {
      const next = new Set(prev);
      if (on) next.delete(key);
      else next.add(key);
      return next;
    });
  const scopeLabel = (sc: FillScope, sheet: string | null | undefined) =>
    sc === "selection" ? t.scopeSelection : sc === "all" ? t.scopeAllSheets : sheet ? t.scopeActiveSheetNamed(sheet) : t.scopeActiveSheet;

  const renderItem = (it: FillItem) => {
    const key = fillItemKey(it);
    return (
      <li key={key}>
        <div className={st.item} data-testid="fill-item">
          <div className={st.itemTop}>
            {isChoosable(it) && (
              <Checkbox
                checked={!rejected.has(key)}
                onChange={(_, d) => setAccepted(key, !!d.checked)}
                aria-label={t.acceptChange(`${it.sheet}!${it.cell}`)}
                data-testid="fill-accept"
                style={{ marginLeft: -6 }}
              />
            )}
            <Button size="small" appearance="transparent" onClick={() => void goTo(it)} aria-label={`${t.goTo} ${it.sheet}!${it.cell}`} style={{ minWidth: 0, minHeight: 24, padding: "0 2px" }}>
              <span className={st.cell}>
                {it.sheet}!{it.cell}
              </span>
            </Button>
            <Badge size="small" appearance="tint" color={it.action === "flag" ? "warning" : it.action === "fix" ? "severe" : it.action === "add-parent" ? "success" : "brand"}>
              {actionLabel(it.action, t)}
            </Badge>
            <span className={st.cell}>{it.code}</span>
          </div>
          <div className={st.change}>
            {it.old ? <span className={st.old}>{it.old}</span> : <span className={s.small}>{t.emptyValue}</span>} → <strong>{it.new ?? t.unknownName}</strong>
          </div>
          {it.action !== "fill" && <div className={s.small}>{it.message.replace(/^[A-Z]+\d+：/, "")}</div>}
        </div>
      </li>
    );
  };

  // progress, error and outcome together: the outcome stays (and keeps the focus) while the header re-reads
  const status = (
    <>
      {task.busy && <Progress label={task.busy} live={false} />}
      {Boolean(task.error) && <ErrorMessage error={task.error} t={t} />}
      {notice && (
        <Text as="p" data-testid="fill-notice" style={{ margin: 0 }}>
          {notice}
        </Text>
      )}
      {applied && (
        <Text as="p" data-testid="fill-applied" style={{ margin: 0 }}>
          {t.applied(applied.count)}
        </Text>
      )}
    </>
  );


  return (
    <div className={s.panel}>
      <Text className={s.intro}>{t.fillIntro}</Text>
      <div className={s.section}>
        <Field label={t.fillScope}>
          <RadioGroup value={scope} onChange={(_, d) => setScope(d.value as FillScope)} onFocus={refreshActive}>
            <Radio value="selection" label={t.scopeSelection} />
            <Radio value="active" label={scopeLabel("active", activeSheet)} />
            <Radio value="all" label={t.scopeAllSheets} />
          </RadioGroup>
        </Field>
        <Checkbox checked={fixNames} onChange={(_, d) => setFixNames(!!d.checked)} label={t.fixNames} />
        <Checkbox checked={addParents} onChange={(_, d) => setAddParents(!!d.checked)} label={t.addParents} />
        <Checkbox checked={indent} onChange={(_, d) => setIndent(!!d.checked)} label={t.indent} />
      </div>
      {preview && (
        <div className={s.section} data-testid="fill-preview-list">
          <div className={s.row} style={{ justifyContent: "space-between" }}>
            <Text weight="semibold">{t.previewTitle(preview.plan.changes.edits.length)}</Text>
            <Text className={s.small}>{t.catalogEdition(preview.plan.edition ?? preview.request.year)}</Text>
          </div>
          <Text className={s.small} data-testid="fill-target">
            {t.previewFor(preview.target.scope === "selection" ? `${t.scopeSelection}（${preview.target.sheet}!${preview.target.address}）` : scopeLabel(preview.target.scope, preview.target.sheet))}
          </Text>
          {preview.protectedSheets.map((name) => (
            <MessageBar key={name} intent="warning" layout="multiline" data-testid="fill-protected">
              <MessageBarBody>{t.protectedSheet(name)}</MessageBarBody>
            </MessageBar>
          ))}
          {preview.plan.note && <Text className={s.small}>{preview.plan.note}</Text>}
          {changes.length === 0 && flags.length === 0 && <Text>{t.previewEmpty}</Text>}
          {choosable.length > 1 && (
            <div className={s.row}>
              <Text className={s.small}>{t.acceptedOf(choosable.filter((it) => !rejected.has(fillItemKey(it))).length, choosable.length)}</Text>
              <Button size="small" onClick={() => setRejected(new Set())}>
                {t.selectAll}
              </Button>
              <Button size="small" onClick={() => setRejected(new Set(choosable.map(fillItemKey)))}>
                {t.selectNone}
              </Button>
            </div>
          )}
          {changes.length > 0 && <ul className={`${s.list} ${st.scroll}`}>{changes.map(renderItem)}</ul>}
          {extraEdits > 0 && <Text className={s.small}>{t.indentOnly(extraEdits)}</Text>}
          {flags.length > 0 && (
            <>
              <Text weight="semibold" size={200}>
                {t.flagged} · {flags.length}
              </Text>
              <ul className={`${s.list} ${st.scroll}`}>{flags.map(renderItem)}</ul>
            </>
          )}
          {preview.plan.noNameColumn.map((b) => (
            <Text key={b.codeCol} className={s.small}>
              {t.noNameColumn(b.codeCol, b.rows)}
            </Text>
          ))}
        </div>
      )}
      <ActionBar label={t.fillActions} status={status}>
        {preview && (
          <>
            <FeatureNote state={canWrite} testId="fill-feature-note" />
            <Button
              appearance="primary"
              onClick={() => void confirm()}
              disabled={!!task.busy || acceptedCount === 0}
              disabledFocusable={!canWrite.ok}
              aria-describedby={canWrite.noteId}
              data-testid="fill-confirm"
            >
              {t.confirmCount(acceptedCount)}
            </Button>
            <Button onClick={() => setPreview(null)} disabled={!!task.busy}>
              {t.cancel}
            </Button>
          </>
        )}
        <Button appearance={preview ? "secondary" : "primary"} onClick={() => void doPreview()} disabled={!!task.busy} data-testid="fill-preview">
          {t.preview}
        </Button>
        {applied && (
          <Button ref={undoRef} onClick={() => void undo()} disabled={!!task.busy} data-testid="fill-undo">
            {t.undo}
          </Button>
        )}
      </ActionBar>
    </div>
  );
}
