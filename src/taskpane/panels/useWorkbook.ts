import * as React from "react";
import type { Workbook } from "../../core/model";
import type { WorkbookHost } from "../../hosts/host";

/** Read the workbook through the host; expose loading state and a Chinese error message. */
export function useWorkbook(host: WorkbookHost): { wb: Workbook | null; busy: boolean; error: string | null; reload: () => void } {
  const [wb, setWb] = React.useState<Workbook | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const reload = React.useCallback(() => {
    setBusy(true);
    setError(null);
    host
      .readWorkbook()
      .then((w) => setWb(w))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  }, [host]);
  React.useEffect(() => reload(), [reload]);
  return { wb, busy, error, reload };
}
