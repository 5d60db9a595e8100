/**
 * 科目数据: import an official catalog edition from the active sheet (财政部's spreadsheet
 * opened in Excel). A bad sheet gets the full problem list and nothing is loaded.
 */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text } from "@fluentui/react-components";
import { importCatalogSheet, type ImportProblem } from "../../core/catalog/import";
import { CATALOG_KINDS, KIND_NAMES, type CatalogKind } from "../../core/catalog/types";
import { ErrorMessage } from "../errors";
import { Progress, useTask, usePanelStyles, type PanelProps } from "../shared";

export function CatalogImport({ host, services, t, settings }: Pick<PanelProps, "host" | "services" | "t" | "settings">): React.ReactElement | null {
  const s = usePanelStyles();
  const task = useTask();
  const editions = services.catalogEditions;
  const [kind, setKind] = React.useState<CatalogKind>("function");
  const [year, setYear] = React.useState(String((settings.year ?? new Date().getFullYear()) + 0));
  const [done, setDone] = React.useState<string | null>(null);
  const [problems, setProblems] = React.useState<ImportProblem[] | null>(null);
  const [, refresh] = React.useReducer((n: number) => n + 1, 0);
  if (!editions) return null;

  const doImport = () =>
    task.run(t.catalogImporting, async () => {
      setDone(null);
      setProblems(null);
      const sel = await host.getSelection();
      const wb = await host.readWorkbook();
      const sheet = wb.sheets.find((x) => x.name === sel?.sheet) ?? wb.sheets[0];
      if (!sheet) throw new Error(t.noSelection);
      const y = Number(year);
      if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new Error(`${t.catalogYear}：${year}`);
      const result = importCatalogSheet(sheet, { kind, year: y, source: sheet.name });
      if (!result.ok) {
        setProblems(result.problems);
        return;
      }
      editions.add({ ...result.overlay, importedAt: new Date().toISOString() });
      setDone(t.catalogImported(result.rows, KIND_NAMES[kind], y));
      refresh();
    });

  const imported = editions.imported();
  return (
    <section className={s.section} aria-label={t.catalogTitle} data-testid="catalog-import">
      <Text className={s.sectionTitle}>{t.catalogTitle}</Text>
      <Text className={s.small}>{t.catalogIntro}</Text>
      <div className={s.row}>
        <Field label={t.catalogKind} style={{ flex: "1 1 160px", minWidth: 0 }}>
          <Select value={kind} onChange={(_, d) => setKind(d.value as CatalogKind)} style={{ minWidth: 0, maxWidth: "100%" }}>
            {CATALOG_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.catalogYear} style={{ flex: "0 1 96px", minWidth: 0 }}>
          <Input value={year} onChange={(_, d) => setYear(d.value)} inputMode="numeric" style={{ minWidth: 0, width: "100%" }} />
        </Field>
      </div>
      <div className={s.actions}>
        <Button onClick={() => void doImport()} disabled={!!task.busy}>
          {t.catalogImport}
        </Button>
      </div>
      {task.busy && <Progress label={task.busy} />}
      {task.error !== null && task.error !== undefined && <ErrorMessage error={task.error} t={t} />}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {problems && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t.catalogProblems(problems.length)}
            <ul className={s.list} data-testid="catalog-problems">
              {problems.slice(0, 20).map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Text size={200} weight="semibold">
        {t.catalogImportedList}
      </Text>
      {imported.length === 0 ? (
        <Text className={s.small}>{t.catalogNone}</Text>
      ) : (
        <>
          <ul className={s.list}>
            {imported.map((o) => (
              <li key={`${o.kind}-${o.year}`} className={s.small}>
                {o.year} {KIND_NAMES[o.kind]} · {o.entries.length}
                {o.source ? ` · ${o.source}` : ""}
              </li>
            ))}
          </ul>
          <div className={s.actions}>
            <Button
              size="small"
              onClick={() => {
                editions.clear();
                setDone(null);
                refresh();
              }}
            >
              {t.catalogClear}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
