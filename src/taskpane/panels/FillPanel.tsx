/**
 * 填充科目名称: plan on a fresh read, preview every change (cell, old → new, verdict),
 * apply only on 确认 (one applyChanges), undo with the inverse computed before applying.
 */
import * as React from "react";
import { Badge, Button, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { parseA1, parseRangeA1 } from "../../core/a1";
import { inverseOf, type ChangeSet } from "../../core/changes";
import { mergePlans, planFill, type FillItem, type FillPlan } from "../../core/fill/plan";
import { guessYear } from "../../core/fill/year";
import type { Workbook } from "../../core/model";
import { ErrorMessage } from "../errors";
import type { Strings } from "../i18n";
import { Progress, useTask, usePanelStyles, type PanelProps } from "../shared";

type Scope = "selection" | "active" | "all";

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

interface Preview {
  plan: FillPlan;
  year: number;
  scope: Scope;
  /** JSON of the edits, to see whether the workbook changed before 确认. */
  fingerprint: string;
}

interface Applied {
  inverse: ChangeSet;
  count: number;
}

/** Edits no preview item describes: names that only get indented (counted, not listed one by one). */
export function indentOnlyEdits(plan: FillPlan): number {
  const parentRows = new Set<string>();
  for (const it of plan.items) if (it.action === "add-parent") parentRows.add(`${it.sheet}!${parseA1(it.cell).r}`);
  const inParentRows = plan.changes.edits.filter((e) => parentRows.has(`${e.sheet}!${e.r}`)).length;
  return Math.max(0, plan.changes.edits.length - plan.counts.fill - plan.counts.fix - inParentRows);
}

function fingerprint(cs: ChangeSet): string {
  return JSON.stringify([cs.edits, cs.insertRows ?? []]);
}

export function FillPanel({ host, services, t, settings, detected, reload }: PanelProps): React.ReactElement {
  const s = usePanelStyles();
  const st = useStyles();
  const task = useTask();
  const [scope, setScope] = React.useState<Scope>("active");
  const [fixNames, setFixNames] = React.useState(true);
  const [addParents, setAddParents] = React.useState(false);
  const [indent, setIndent] = React.useState(false);
  const [preview, setPreview] = React.useState<Preview | null>(null);
  const [applied, setApplied] = React.useState<Applied | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);

  const makePlan = async (wb: Workbook): Promise<Preview> => {
    const year = settings.year ?? detected?.year ?? guessYear(wb) ?? new Date().getFullYear();
    const catalog = services.catalog();
    const opts = { year, fixNames, addParents, indent };
    let plan: FillPlan;
    if (scope === "all") plan = mergePlans(wb.sheets.map((sh) => planFill(sh, catalog, opts)));
    else {
      const sel = await host.getSelection();
      if (!sel) throw new Error(t.noSelection);
      const sheet = wb.sheets.find((x) => x.name === sel.sheet);
      if (!sheet) throw new Error(t.noSelection);
      plan = planFill(sheet, catalog, scope === "selection" ? { ...opts, range: parseRangeA1(sel.address) } : opts);
    }
    return { plan, year, scope, fingerprint: fingerprint(plan.changes) };
  };

  const doPreview = () =>
    task.run(t.previewing, async () => {
      setNotice(null);
      setApplied(null);
      setPreview(await makePlan(await host.readWorkbook()));
    });

  const confirm = () =>
    task.run(t.applying, async () => {
      if (!preview) return;
      const wb = await host.readWorkbook();
      const fresh = await makePlan(wb);
      if (fresh.fingerprint !== preview.fingerprint) {
        setPreview(fresh);
        setNotice(t.changed);
        return;
      }
      const inverse = inverseOf(wb, fresh.plan.changes);
      await host.applyChanges(fresh.plan.changes);
      setApplied({ inverse, count: fresh.plan.changes.edits.length });
      setPreview(null);
      setNotice(null);
      await reload().catch(() => undefined);
    });

  const undo = () =>
    task.run(t.applying, async () => {
      if (!applied) return;
      await host.applyChanges(applied.inverse);
      setApplied(null);
      setNotice(t.undone);
      await reload().catch(() => undefined);
    });

  const goTo = (it: FillItem) => task.run(t.goTo, () => host.select({ sheet: it.sheet, address: it.cell }));

  const changes = preview?.plan.items.filter((i) => i.action !== "flag") ?? [];
  const flags = preview?.plan.items.filter((i) => i.action === "flag") ?? [];
  const extraEdits = preview ? indentOnlyEdits(preview.plan) : 0;

  const renderItem = (it: FillItem) => (
    <li key={`${it.sheet}!${it.cell}!${it.action}`}>
      <div className={st.item} data-testid="fill-item">
        <div className={st.itemTop}>
          <Button size="small" appearance="transparent" onClick={() => void goTo(it)} aria-label={`${t.goTo} ${it.sheet}!${it.cell}`} style={{ minWidth: 0, padding: "0 2px" }}>
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

  return (
    <div className={s.panel}>
      <Text className={s.intro}>{t.fillIntro}</Text>
      <div className={s.section}>
        <Field label={t.fillScope}>
          <RadioGroup value={scope} onChange={(_, d) => setScope(d.value as Scope)}>
            <Radio value="selection" label={t.scopeSelection} />
            <Radio value="active" label={t.scopeActiveSheet} />
            <Radio value="all" label={t.scopeAllSheets} />
          </RadioGroup>
        </Field>
        <Checkbox checked={fixNames} onChange={(_, d) => setFixNames(!!d.checked)} label={t.fixNames} />
        <Checkbox checked={addParents} onChange={(_, d) => setAddParents(!!d.checked)} label={t.addParents} />
        <Checkbox checked={indent} onChange={(_, d) => setIndent(!!d.checked)} label={t.indent} />
      </div>
      <div className={s.actions}>
        <Button appearance="primary" onClick={() => void doPreview()} disabled={!!task.busy} data-testid="fill-preview">
          {t.preview}
        </Button>
        {applied && (
          <Button onClick={() => void undo()} disabled={!!task.busy} data-testid="fill-undo">
            {t.undo}
          </Button>
        )}
      </div>
      {task.busy && <Progress label={task.busy} />}
      {Boolean(task.error) && <ErrorMessage error={task.error} t={t} />}
      {notice && (
        <MessageBar intent="info" data-testid="fill-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {applied && (
        <MessageBar intent="success" data-testid="fill-applied">
          <MessageBarBody>{t.applied(applied.count)}</MessageBarBody>
        </MessageBar>
      )}
      {preview && (
        <div className={s.section} data-testid="fill-preview-list">
          <div className={s.row} style={{ justifyContent: "space-between" }}>
            <Text weight="semibold">{t.previewTitle(preview.plan.changes.edits.length)}</Text>
            <Text className={s.small}>{t.catalogEdition(preview.plan.edition ?? preview.year)}</Text>
          </div>
          {preview.plan.note && <Text className={s.small}>{preview.plan.note}</Text>}
          {changes.length === 0 && flags.length === 0 && <Text>{t.previewEmpty}</Text>}
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
          <div className={s.actions}>
            <Button appearance="primary" onClick={() => void confirm()} disabled={!!task.busy || preview.plan.changes.edits.length === 0} data-testid="fill-confirm">
              {t.confirm}
            </Button>
            <Button onClick={() => setPreview(null)} disabled={!!task.busy}>
              {t.cancel}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
