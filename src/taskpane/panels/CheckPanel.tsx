import * as React from "react";
import { Button, Spinner, Text, MessageBar, MessageBarBody, Table, TableHeader, TableRow, TableHeaderCell, TableBody, TableCell } from "@fluentui/react-components";
import { rangeToA1 } from "../../core/a1";
import { sheetStats, usedRange } from "../../core/model";
import type { WorkbookHost } from "../../hosts/host";
import type { Strings } from "../i18n";
import { useWorkbook } from "./useWorkbook";

export function CheckPanel({ host, t }: { host: WorkbookHost; t: Strings }): React.ReactElement {
  const { wb, busy, error, reload } = useWorkbook(host);
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Text>{t.checkIntro}</Text>
      <Button appearance="primary" onClick={reload} disabled={busy}>
        {busy ? t.reading : t.readWorkbook}
      </Button>
      {busy && <Spinner size="tiny" label={t.reading} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {wb && wb.sheets.length === 0 && <Text>{t.noSheets}</Text>}
      {wb && wb.sheets.length > 0 && (
        <Table size="extra-small" aria-label={t.sheets} data-testid="sheet-list">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.sheets}</TableHeaderCell>
              <TableHeaderCell>{t.usedRange}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {wb.sheets.map((s) => {
              const ur = usedRange(s);
              const st = sheetStats(s);
              return (
                <TableRow key={s.name}>
                  <TableCell>{s.name}</TableCell>
                  <TableCell>
                    {ur ? rangeToA1(ur) : t.empty}
                    <Text size={100} block>
                      {t.numbers} {st.numbers} · {t.texts} {st.texts} · {t.formulas} {st.formulas}
                    </Text>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
