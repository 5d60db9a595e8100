/**
 * Task pane entry. Inside Excel it talks to the workbook through Office.js;
 * outside Excel (a plain browser, or the browser tests) it says so and works on
 * a simulated in-memory workbook behind the same host interface:
 *   ?demo=empty        a blank workbook instead of the example
 *   ?theme=dark        the dark theme
 *   ?lang=en-US        English
 *   ?tab=insert|fill|check|draft
 *   window.__budgetTablesWorkbook (set before the page loads): a JSON workbook to work on
 *   window.__budgetTablesHost: set before load to supply a host; set by the page to the host in use.
 *
 * Performance marks for the pane bench (bench/pane.bench.ts): "pane-script" when this script
 * starts, "pane-render-start" once Office is ready (or absent), "pane-first-render" when React
 * first commits the pane, "pane-services-ready" when the lazy chunks (catalog data, engine) are in.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App, type TabId } from "./App";
import { pickLang } from "./i18n";
import { OfficeHost } from "../hosts/office/officeHost";
import { MemoryHost } from "../hosts/memory/memoryHost";
import type { WorkbookHost } from "../hosts/host";
import { demoWorkbook, emptyWorkbook, reviveWorkbook } from "./demoWorkbook";
import { LocalSettingsStore, OfficeSettingsStore, type SettingsStore } from "./settings";
import { registerFunctions } from "../functions/functions";
import { catalogStore } from "./catalogStore";
import { registerCommands } from "../commands/commands";
import { loadServices } from "./services";
import { detectCapabilities, type Capabilities } from "../hosts/office/features";

declare global {
  interface Window {
    /** Set by tests to drive the pane against their own host; set by the page to the host in use. */
    __budgetTablesHost?: WorkbookHost;
    /** Set by tests (before load): a workbook as JSON for the in-memory host. */
    __budgetTablesWorkbook?: unknown;
    /** What this Excel supports (src/hosts/office/features.ts), set once Office is ready. */
    __budgetTablesCapabilities?: Capabilities;
  }
}

/** Marks the first commit of the pane (a layout effect of the root runs after its children's). */
function FirstRender({ children }: { children: React.ReactNode }): React.ReactElement {
  React.useLayoutEffect(() => {
    mark("pane-first-render");
  }, []);
  return <>{children}</>;
}

function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // no User Timing (old webviews): nothing to measure
  }
}

function render(host: WorkbookHost, inExcel: boolean, lang: string | undefined, dark: boolean, store: SettingsStore, caps: Capabilities, tab?: TabId): void {
  const container = document.getElementById("root");
  if (!container) return;
  document.body.style.background = dark ? "#1f1f1f" : "#fafafa";
  window.__budgetTablesHost = host;
  mark("pane-render-start");
  createRoot(container).render(
    <FirstRender>
      <App host={host} inExcel={inExcel} initialLang={pickLang(lang)} dark={dark} settingsStore={store} initialTab={tab} caps={caps} />
    </FirstRender>,
  );
}

function outsideExcel(): void {
  const params = new URLSearchParams(window.location.search);
  const lang = params.get("lang") ?? navigator.language;
  const demo = params.get("demo") ?? "example";
  let host = window.__budgetTablesHost;
  if (!host) {
    const wb = window.__budgetTablesWorkbook ? reviveWorkbook(window.__budgetTablesWorkbook) : demo === "empty" ? emptyWorkbook() : demoWorkbook();
    const memory = new MemoryHost(wb);
    // a workbook has an active sheet: start on the first one
    if (wb.sheets[0]) void memory.select({ sheet: wb.sheets[0].name, address: "A1" });
    host = memory;
  }
  const tab = params.get("tab");
  const workbookId = params.get("workbook") ?? (window.__budgetTablesWorkbook ? "injected" : demo);
  render(host, false, lang, params.get("theme") === "dark", new LocalSettingsStore(workbookId), detectCapabilities(null), tab === "insert" || tab === "fill" || tab === "check" || tab === "draft" ? tab : undefined);
}

function isDark(): boolean {
  try {
    const theme = Office.context.officeTheme;
    if (!theme?.bodyBackgroundColor) return false;
    const hex = theme.bodyBackgroundColor.replace("#", "");
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    return 0.299 * r + 0.587 * g + 0.114 * b < 128;
  } catch {
    return false;
  }
}

mark("pane-script");

// The catalog data and the engine are chunks of their own: fetch them now, alongside Office's
// start-up, so they are there by the time the pane (or a formula) first needs them.
loadServices().then(
  () => mark("pane-services-ready"),
  () => undefined, // offline or a stale deployment: an action that needs them says so and tries again
);

// The custom function is associated as the shared runtime loads this script (Excel may
// evaluate =BUDGET.科目名称() before the pane is shown).
registerFunctions(() => catalogStore().catalog());

if (typeof Office === "undefined" || !Office.onReady) {
  outsideExcel();
} else {
  Office.onReady((info) => {
    const caps = detectCapabilities();
    window.__budgetTablesCapabilities = caps;
    if (caps.has.sharedRuntime) registerCommands(); // Office.actions lives in the shared runtime
    if (info.host === Office.HostType.Excel) render(new OfficeHost(undefined, caps.has), true, Office.context.displayLanguage, isDark(), new OfficeSettingsStore(), caps);
    else outsideExcel();
  }).catch(() => outsideExcel());
}
