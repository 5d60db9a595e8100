import * as React from "react";
import { Text } from "@fluentui/react-components";
import type { WorkbookHost } from "../../hosts/host";
import type { Strings } from "../i18n";
import { useWorkbook } from "./useWorkbook";

export function FillPanel({ host, t }: { host: WorkbookHost; t: Strings }): React.ReactElement {
  const { wb } = useWorkbook(host);
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Text>{t.fillIntro}</Text>
      {wb && (
        <Text size={200}>
          {t.sheets}: {wb.sheets.length}
        </Text>
      )}
    </div>
  );
}
