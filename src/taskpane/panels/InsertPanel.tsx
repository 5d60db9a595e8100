import * as React from "react";
import { Field, Input, Text } from "@fluentui/react-components";
import type { WorkbookHost } from "../../hosts/host";
import type { Strings } from "../i18n";
import { useWorkbook } from "./useWorkbook";

export function InsertPanel({ host, t }: { host: WorkbookHost; t: Strings }): React.ReactElement {
  const { wb } = useWorkbook(host);
  const [year, setYear] = React.useState(String(new Date().getFullYear() + 1));
  const [unit, setUnit] = React.useState("");
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Text>{t.insertIntro}</Text>
      <Field label={t.year}>
        <Input value={year} onChange={(_, d) => setYear(d.value)} inputMode="numeric" />
      </Field>
      <Field label={t.unit}>
        <Input value={unit} onChange={(_, d) => setUnit(d.value)} />
      </Field>
      {wb && (
        <Text size={200}>
          {t.sheets}: {wb.sheets.map((s) => s.name).join("、") || t.empty}
        </Text>
      )}
    </div>
  );
}
