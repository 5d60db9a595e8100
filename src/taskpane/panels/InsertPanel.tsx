/** 插入模板: choose tables, year, unit, scope, amount unit, formulas; insert without overwriting. */
import * as React from "react";
import { Button, Checkbox, Field, Input, Link, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Switch, Text } from "@fluentui/react-components";
import { inverseOf, type ChangeSet } from "../../core/changes";
import { cells, getSheet, isEmptyCell, type Sheet } from "../../core/model";
import { STANDARD_TABLES } from "../../core/specs/tables";
import { ErrorMessage } from "../errors";
import { Progress, useTask, usePanelStyles, type PanelProps } from "../shared";

interface InsertResult {
  sheets: { id: string; name: string }[];
  renamed: { wanted: string; actual: string }[];
  /** Removes the inserted sheets again; applied only while they are exactly as inserted. */
  inverse: ChangeSet;
  /** The inserted sheets' cells as written, to see whether the user has typed into them since. */
  fingerprint: string;
}

/** Values and formulas of sheets (what the user could have typed into). */
function contentOf(sheets: (Sheet | undefined)[]): string {
  return JSON.stringify(
    sheets.map((sh) => {
      if (!sh) return null;
      const filled: string[] = [];
      for (const { r, c, cell } of cells(sh)) {
        if (isEmptyCell(cell)) continue; // formatting only
        filled.push(`${r},${c}=${cell.formula ?? JSON.stringify(cell.value)}`);
      }
      return filled;
    }),
  );
}

export function InsertPanel({ host, services, t, settings, updateSettings, detected, reload }: PanelProps): React.ReactElement {
  const s = usePanelStyles();
  const task = useTask();
  const [chosen, setChosen] = React.useState<Set<string>>(() => new Set(STANDARD_TABLES.map((x) => x.id)));
  const [yearText, setYearText] = React.useState(String(settings.year ?? detected?.year ?? new Date().getFullYear() + 1));
  const [unit, setUnit] = React.useState(settings.unitName ?? detected?.unitName ?? "");
  const [formulas, setFormulas] = React.useState(true);
  // Regional layout variants (see docs/specs.md): 忻州 and 达州 split T4 by fund, 忻州 splits T1's expenditure and keeps T5 plain.
  const [t4Funds, setT4Funds] = React.useState(false);
  const [t1Split, setT1Split] = React.useState(false);
  const [t5Plain, setT5Plain] = React.useState(false);
  const touched = React.useRef({ year: settings.year !== undefined, unit: settings.unitName !== undefined });
  React.useEffect(() => {
    if (!touched.current.year && detected?.year) setYearText(String(detected.year));
    if (!touched.current.unit && detected?.unitName) setUnit(detected.unitName);
  }, [detected]);
  const [result, setResult] = React.useState<InsertResult | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const scope = settings.scope ?? "部门";
  const amountUnit = settings.amountUnit ?? detected?.amountUnit ?? "万元";
  const year = Number(yearText);
  const yearOk = /^\d{4}$/.test(yearText.trim()) && year >= 2000 && year <= 2100;

  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const insert = () =>
    task.run(t.inserting, async () => {
      setResult(null);
      updateSettings({ year, unitName: unit.trim() || undefined });
      const tables = STANDARD_TABLES.filter((x) => chosen.has(x.id)).map((x) => x.id);
      const sheets = services.renderTemplates({
        year,
        unitName: unit.trim(),
        scope,
        amountUnit,
        tables,
        formulas,
        t4Expense: t4Funds ? "funds" : "amount",
        t1Expense: t1Split ? "split" : "amount",
        t5Basic: t5Plain ? "plain" : "split",
      });
      const wb = await host.readWorkbook();
      const plan = services.planInsertion(wb, sheets);
      const inverse = inverseOf(wb, plan.changes);
      await host.applyChanges(plan.changes);
      const actualOf = new Map(plan.renamed.map((r) => [r.wanted, r.actual]));
      setNotice(null);
      setResult({
        sheets: sheets.map((sh, i) => ({ id: tables[i] ?? "", name: actualOf.get(sh.name) ?? sh.name })),
        renamed: plan.renamed,
        inverse,
        fingerprint: contentOf(plan.changes.newSheets),
      });
      await reload().catch(() => undefined);
    });

  const undoInsert = () =>
    task.run(t.applying, async () => {
      if (!result) return;
      const wb = await host.readWorkbook();
      const now = contentOf(result.inverse.removeSheets.map((name) => getSheet(wb, name)));
      if (now !== result.fingerprint) {
        // The user has typed into the new sheets: deleting them would lose that work.
        setNotice(t.undoInsertRefused);
        return;
      }
      await host.applyChanges(result.inverse);
      setResult(null);
      setNotice(t.undoInsertDone);
      await reload().catch(() => undefined);
    });

  const goTo = (name: string) =>
    task.run(t.goTo, async () => {
      if (host.activateSheet) await host.activateSheet(name);
      await host.select({ sheet: name, address: "A1" });
    });

  return (
    <div className={s.panel}>
      <Text className={s.intro}>{t.insertIntro}</Text>
      <div className={s.section}>
        <div className={s.row}>
          <Field label={t.year} className={s.grow} validationMessage={yearOk ? undefined : t.yearInvalid} validationState={yearOk ? "none" : "error"}>
            <Input value={yearText} onChange={(_, d) => {
                touched.current.year = true;
                setYearText(d.value);
              }} inputMode="numeric" maxLength={4} />
          </Field>
          <Field label={t.amountUnit} className={s.grow}>
            <RadioGroup layout="horizontal" value={amountUnit} onChange={(_, d) => updateSettings({ amountUnit: d.value as "万元" | "元" })}>
              <Radio value="万元" label="万元" />
              <Radio value="元" label="元" />
            </RadioGroup>
          </Field>
        </div>
        <Field label={t.unit}>
          <Input value={unit} onChange={(_, d) => {
                touched.current.unit = true;
                setUnit(d.value);
              }} placeholder={t.unitPlaceholder} />
        </Field>
        <Field label={t.scope}>
          <RadioGroup layout="horizontal" value={scope} onChange={(_, d) => updateSettings({ scope: d.value as "部门" | "单位" })}>
            <Radio value="部门" label={t.scopeDept} />
            <Radio value="单位" label={t.scopeUnit} />
          </RadioGroup>
        </Field>
        <Switch checked={formulas} onChange={(_, d) => setFormulas(d.checked)} label={t.liveFormulas} />
        <details>
          <summary className={s.small} style={{ cursor: "pointer" }}>
            {t.layoutVariants}
          </summary>
          <div style={{ display: "flex", flexDirection: "column" }}>
            <Checkbox checked={t4Funds} onChange={(_, d) => setT4Funds(!!d.checked)} label={t.variantT4Funds} />
            <Checkbox checked={t1Split} onChange={(_, d) => setT1Split(!!d.checked)} label={t.variantT1Split} />
            <Checkbox checked={t5Plain} onChange={(_, d) => setT5Plain(!!d.checked)} label={t.variantT5Plain} />
          </div>
        </details>
      </div>
      <fieldset className={s.section} style={{ margin: 0 }}>
        <legend className={s.sectionTitle}>{t.tablesToInsert}</legend>
        <div className={s.row}>
          <Button size="small" onClick={() => setChosen(new Set(STANDARD_TABLES.map((x) => x.id)))}>
            {t.selectAll}
          </Button>
          <Button size="small" onClick={() => setChosen(new Set())}>
            {t.selectNone}
          </Button>
        </div>
        <ul className={s.list} data-testid="table-list">
          {STANDARD_TABLES.map((spec, i) => (
            <li key={spec.id}>
              <Checkbox
                checked={chosen.has(spec.id)}
                onChange={(_, d) => toggle(spec.id, !!d.checked)}
                label={
                  <span className={s.breakAll}>
                    <span style={{ fontWeight: 600 }}>
                      {i + 1}. {scope === "单位" ? spec.title.replace(/^部门/, "单位") : spec.title}
                    </span>
                    <br />
                    <span className={s.small}>{spec.description}</span>
                  </span>
                }
              />
            </li>
          ))}
        </ul>
      </fieldset>
      {chosen.size === 0 && <Text className={s.small}>{t.noTablesChosen}</Text>}
      <Button appearance="primary" style={{ maxWidth: 360 }} disabled={!!task.busy || !yearOk || chosen.size === 0} onClick={() => void insert()} data-testid="insert-button">
        {t.insertButton(chosen.size)}
      </Button>
      {task.busy && <Progress label={task.busy} />}
      {Boolean(task.error) && <ErrorMessage error={task.error} t={t} />}
      {notice && (
        <MessageBar intent="info" data-testid="insert-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <MessageBar intent="success" layout="multiline" data-testid="insert-summary">
          <MessageBarBody>
            <MessageBarTitle>{t.insertDone(result.sheets.length)}</MessageBarTitle>
            <ul className={s.list} style={{ marginTop: 4 }}>
              {result.sheets.map((x) => (
                <li key={x.name}>
                  <Link as="button" onClick={() => void goTo(x.name)} className={s.breakAll}>
                    {x.name}
                  </Link>
                </li>
              ))}
            </ul>
            <div style={{ marginTop: 6 }}>
              <Button size="small" onClick={() => void undoInsert()} disabled={!!task.busy} data-testid="insert-undo">
                {t.undoInsert}
              </Button>
            </div>
            {result.renamed.length > 0 && (
              <div style={{ marginTop: 6 }} data-testid="renamed">
                <Text size={200}>{t.renamedNote}</Text>
                <ul className={s.list}>
                  {result.renamed.map((r) => (
                    <li key={r.actual} className={s.small}>
                      {r.wanted} → {r.actual}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
