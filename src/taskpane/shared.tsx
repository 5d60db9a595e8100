/** Small pieces the panels share: props, the async-task hook, layout styles. */
import * as React from "react";
import { makeStyles, tokens, ProgressBar, Text } from "@fluentui/react-components";
import type { Workbook } from "../core/model";
import type { Detected } from "../core/report/detected";
import type { WorkbookHost } from "../hosts/host";
import type { Lang, Strings } from "./i18n";
import type { Services } from "./services";
import type { PaneSettings } from "./settings";
import type { WorkContext } from "../core/workflows/context";
import type { Capabilities } from "../hosts/office/features";

export interface PanelProps {
  host: WorkbookHost;
  services: Services;
  t: Strings;
  /** The interface language (findings render in it: findingMessage in core/checks/messages.ts). */
  lang: Lang;
  settings: PaneSettings;
  updateSettings: (patch: Partial<PaneSettings>) => void;
  detected: Detected | null;
  /** Read the workbook afresh (and refresh the header). */
  reload: () => Promise<Workbook>;
  /** The year and catalog edition every action uses (shown in the header; core/workflows/context.ts). */
  work: WorkContext;
  /**
   * What this Excel supports (src/hosts/office/features.ts, detected at Office.onReady). A panel
   * disables the controls of a missing feature and shows its note (capabilities.tsx). Absent:
   * everything the panels write with is there.
   */
  caps?: Capabilities;
}

/**
 * The bar at the bottom of a panel that stays in view (position: sticky): the panel's main
 * actions and, in a polite live region, what the last action did or is doing. Every panel puts
 * its primary buttons, its progress and its outcome here, so the outcome of a click is always
 * visible without scrolling and is announced to screen readers.
 */
export function ActionBar({ children, status, label }: { children: React.ReactNode; status?: React.ReactNode; label: string }): React.ReactElement {
  const s = useActionBarStyles();
  return (
    <div className={s.bar} role="region" aria-label={label} data-testid="action-bar">
      <div className={s.buttons}>{children}</div>
      <div role="status" aria-live="polite" aria-atomic="true" className={s.status} data-testid="action-status">
        {status}
      </div>
    </div>
  );
}

const useActionBarStyles = makeStyles({
  bar: {
    position: "sticky",
    bottom: 0,
    zIndex: 2,
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "8px 12px",
    margin: "0 -12px",
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  status: { minWidth: 0, overflowWrap: "anywhere", ":empty": { display: "none" } },
});

/** Run one async operation at a time with busy state and the error it threw. */
export function useTask(): {
  busy: string | null;
  error: unknown;
  run: <T>(label: string, fn: () => Promise<T>) => Promise<T | undefined>;
  clearError: () => void;
} {
  const [busy, setBusy] = React.useState<string | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const run = React.useCallback(async <T,>(label: string, fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(label);
    setError(null);
    try {
      // let the progress indicator paint before long synchronous work
      await new Promise((r) => setTimeout(r, 0));
      return await fn();
    } catch (e) {
      if (mounted.current) setError(e ?? new Error("unknown"));
      return undefined;
    } finally {
      if (mounted.current) setBusy(null);
    }
  }, []);
  return { busy, error, run, clearError: () => setError(null) };
}

export function Progress({ label }: { label: string }): React.ReactElement {
  return (
    <div role="status" aria-live="polite" data-testid="progress" style={{ display: "flex", flexDirection: "column", gap: 4 }}>
      <Text size={200}>{label}</Text>
      <ProgressBar thickness="large" aria-label={label} />
    </div>
  );
}

/** Styles of text that only screen readers read (live regions, labels shown otherwise). */
export const VISUALLY_HIDDEN = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
} as const;

export const usePanelStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: "12px", minWidth: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "10px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  sectionTitle: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  grow: { flexGrow: 1, minWidth: "120px" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  breakAll: { overflowWrap: "anywhere", wordBreak: "break-word" },
});
