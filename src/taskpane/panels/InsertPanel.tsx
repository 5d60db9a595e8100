/**
 * 插入模板: choose tables, year, unit, scope, amount unit, formulas; insert without overwriting.
 * Presentational: guards, planning, insertion and undo are the use case in core/workflows/insert.ts;
 * the year is the one of WorkContext (props.work) and a year chosen here is stored in the settings.
 */
import * as React from "react";
import { Button, Checkbox, Field, Input, Link, Radio, RadioGroup, Switch, Text } from "@fluentui/react-components";
import { isValidYear } from "../../core/workflows/context";
import { insertTables, InsertRefused, undoInsert, validateInsert, type Inserted, type InsertRequest } from "../../core/workflows/insert";
import { STANDARD_TABLES } from "../../core/specs/tables";
import { ErrorMessage } from "../errors";
import { ActionBar, Progress, useTask, usePanelStyles, type PanelProps } from "../shared";
import { FeatureNote, INSTEAD, useFeature } from "../capabilities";

export function InsertPanel({ host, services, t, lang, settings, updateSettings, detected, reload, work, caps }: PanelProps): React.ReactElement {
  const s = usePanelStyles();
  // inserting writes (ExcelApi 1.9); without print setup the tables go in without it
  const canWrite = useFeature(caps, "write", lang);
  const canPrint = useFeature(caps, "printSetup", lang);
  const task = useTask();
  const [chosen, setChosen] = React.useState<Set<string>>(() => new Set(STANDARD_TABLES.map((x) => x.id)));
  const [yearText, setYearText] = React.useState(String(work.year));
  const [unit, setUnit] = React.useState(settings.unitName ?? detected?.unitName ?? "");
  const [unitError, setUnitError] = React.useState(false);
  const [formulas, setFormulas] = React.useState(true);
  // Regional layout variants (core/workflows/insert.ts: variantOptions).
  const [t4Funds, setT4Funds] = React.useState(false);
  const [t1Split, setT1Split] = React.useState(false);
  const [t5Plain, setT5Plain] = React.useState(false);
  const touched = React.useRef({ unit: settings.unitName !== undefined });
  const unitRef = React.useRef<HTMLInputElement>(null);
  const summaryRef = React.useRef<HTMLDivElement>(null);
  const noticeRef = React.useRef<HTMLDivElement>(null);
  // the one year (WorkContext): follow it while the field holds a valid year
  React.useEffect(() => {
    setYearText((prev) => (isValidYear(Number(prev)) ? String(work.year) : prev));
  }, [work.year]);
  React.useEffect(() => {
    if (!touched.current.unit && detected?.unitName) setUnit(detected.unitName);
  }, [detected]);
  const [result, setResult] = React.useState<Inserted | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const scope = settings.scope ?? "部门";
  const amountUnit = settings.amountUnit ?? detected?.amountUnit ?? "万元";
  const year = Number(yearText);
  const yearOk = /^\d{4}$/.test(yearText.trim()) && isValidYear(year);

  // the outcome takes the focus (its 撤销 is the next Tab stop); after undo the notice does
  React.useEffect(() => {
    if (result) summaryRef.current?.focus();
  }, [result]);
  React.useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const request = (): InsertRequest => ({
    year,
    unitName: unit,
    scope,
    amountUnit,
    tables: STANDARD_TABLES.filter((x) => chosen.has(x.id)).map((x) => x.id),
    formulas,
    variants: { t4Funds, t1Split, t5Plain },
  });

  const insert = () => {
    const req = request();
    if (validateInsert(req).some((p) => p.field === "unitName")) {
      setUnitError(true);
      unitRef.current?.focus();
      return;
    }
    return task.run(t.inserting, async () => {
      setResult(null);
      setNotice(null);
      updateSettings({ year, unitName: unit.trim() || undefined });
      try {
        setResult(await insertTables(host, req, services));
      } catch (e) {
        if (e instanceof InsertRefused && e.problems.some((p) => p.field === "unitName")) {
          setUnitError(true);
          unitRef.current?.focus();
          return;
        }
        throw e;
      }
      await reload().catch(() => undefined);
    });
  };

  const undo = () =>
    task.run(t.applying, async () => {
      if (!result) return;
      const outcome = await undoInsert(host, result);
      if (outcome.status === "refused") {
        // the user has typed into the new sheets (or removed one): deleting them would lose work
        setNotice(outcome.reason === "edited" ? t.undoInsertRefused : t.undoInsertMissing);
        return;
      }
      setResult(null);
      setNotice(t.undoInsertDone);
      await reload().catch(() => undefined);
    });

  const goTo = (name: string) =>
    task.run(t.goTo, async () => {
      if (host.activateSheet) await host.activateSheet(name);
      await host.select({ sheet: name, address: "A1" });
    });

  // progress, error and outcome together: the outcome stays (and keeps the focus) while the header re-reads
  const noticeText = notice && (
    <div ref={noticeRef} tabIndex={-1} data-testid="insert-notice" style={{ outline: "none" }}>
      <Text>{notice}</Text>
    </div>
  );
  const status = (
    <>
      {task.busy && <Progress label={task.busy} live={false} />}
      {Boolean(task.error) && <ErrorMessage error={task.error} t={t} />}
      {result ? (
        <div ref={summaryRef} tabIndex={-1} data-testid="insert-summary" className={s.breakAll} style={{ outline: "none", display: "flex", flexDirection: "column", gap: 4 }}>
          <Text weight="semibold">{t.insertDone(result.sheets.length)}</Text>
          {noticeText}
          <div>
            <Button size="small" onClick={() => void undo()} disabled={!!task.busy} data-testid="insert-undo">
              {t.undoInsert}
            </Button>
          </div>
          <div style={{ display: "flex", flexWrap: "wrap", gap: "2px 10px", maxHeight: 96, overflowY: "auto" }} aria-label={t.goToSheets} role="group">
            <Text size={200}>{t.goToSheets}</Text>
            {result.sheets.map((x) => (
              <Link key={x.name} as="button" onClick={() => void goTo(x.name)} className={s.breakAll} style={{ display: "inline-flex", alignItems: "center", minHeight: 24, textAlign: "left" }}>
                {x.name}
              </Link>
            ))}
          </div>
          {result.renamed.length > 0 && (
            <div data-testid="renamed">
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
        </div>
      ) : (
        noticeText
      )}
    </>
  );


  return (
    <div className={s.panel}>
      <Text className={s.intro}>{t.insertIntro}</Text>
      <div className={s.section}>
        <div className={s.row}>
          <Field label={t.year} className={s.grow} validationMessage={yearOk ? undefined : t.yearInvalid} validationState={yearOk ? "none" : "error"}>
            <Input
              value={yearText}
              onChange={(_, d) => {
                setYearText(d.value);
                // the year chosen here is the one every action and the header use (WorkContext)
                const y = Number(d.value);
                if (/^\d{4}$/.test(d.value.trim()) && isValidYear(y)) updateSettings({ year: y });
              }}
              inputMode="numeric"
              maxLength={4}
            />
          </Field>
          <Field label={t.amountUnit} className={s.grow}>
            <RadioGroup layout="horizontal" value={amountUnit} onChange={(_, d) => updateSettings({ amountUnit: d.value as "万元" | "元" })}>
              <Radio value="万元" label="万元" />
              <Radio value="元" label="元" />
            </RadioGroup>
          </Field>
        </div>
        <Field label={t.unit} validationMessage={unitError ? t.unitRequired : undefined} validationState={unitError ? "error" : "none"}>
          <Input
            ref={unitRef}
            value={unit}
            onChange={(_, d) => {
              touched.current.unit = true;
              setUnit(d.value);
              if (d.value.trim()) setUnitError(false);
            }}
            placeholder={t.unitPlaceholder}
            data-testid="insert-unit"
          />
        </Field>
        <Field label={t.scope}>
          <RadioGroup layout="horizontal" value={scope} onChange={(_, d) => updateSettings({ scope: d.value as "部门" | "单位" })}>
            <Radio value="部门" label={t.scopeDept} />
            <Radio value="单位" label={t.scopeUnit} />
          </RadioGroup>
        </Field>
        <Switch checked={formulas} onChange={(_, d) => setFormulas(d.checked)} label={t.liveFormulas} />
        <details>
          <summary className={s.small} style={{ cursor: "pointer", lineHeight: "24px" }}>
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
      <ActionBar label={t.insertActions} status={status}>
        <FeatureNote state={canWrite} testId="insert-feature-note" />
        {canWrite.ok && <FeatureNote state={canPrint} then={INSTEAD[lang].printSetup} testId="insert-print-note" />}
        <Button
          appearance="primary"
          disabled={!!task.busy || !yearOk || chosen.size === 0}
          disabledFocusable={!canWrite.ok}
          aria-describedby={canWrite.noteId ?? canPrint.noteId}
          onClick={() => void insert()}
          data-testid="insert-button"
        >
          {t.insertButton(chosen.size)}
        </Button>
      </ActionBar>
    </div>
  );
}
