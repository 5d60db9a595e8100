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
 * starts, "pane-render-start" when the pane is first drawn (at once, before Office is ready),
 * "pane-first-render" when React first commits the pane, "pane-services-ready" when the lazy chunks (catalog data, engine) are in.
 */
import * as React from "react";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
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
  // The catalog data and the engine are chunks of their own, fetched once the pane is on screen:
  // starting their download costs the main thread 100 ms and more while the page is still
  // loading, which would hold the first paint (after the next frame; a pane hidden in the shared
  // runtime gets no frames, so a timer starts them too). They come alongside Office's start-up,
  // so they are there by the time the pane (or a formula) first needs them.
  React.useEffect(() => {
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      loadServices().then(
        () => mark("pane-services-ready"),
        () => undefined, // offline or a stale deployment: an action that needs them says so and tries again
      );
    };
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(start, 0));
    const timer = setTimeout(start, 250);
    return () => clearTimeout(timer);
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

let root: Root | null = null;

/** Draw (or redraw) the pane; the root stays, so React keeps the pane's state across the calls. */
function render(
  host: WorkbookHost | null,
  inExcel: boolean | undefined,
  lang: string | undefined,
  dark: boolean,
  store: SettingsStore | undefined,
  caps: Capabilities | undefined,
  tab?: TabId,
): void {
  const container = document.getElementById("root");
  if (!container) return;
  document.body.style.background = dark ? "#1f1f1f" : "#fafafa";
  if (host) window.__budgetTablesHost = host;
  if (!root) {
    mark("pane-render-start");
    root = createRoot(container);
  }
  root.render(
    <FirstRender>
      <App host={host} inExcel={inExcel} initialLang={pickLang(lang)} dark={dark} settingsStore={store} initialTab={tab} caps={caps} />
    </FirstRender>,
  );
}

/** The colour scheme the boot skeleton used (taskpane.html), until Office tells its theme. */
function prefersDark(): boolean {
  try {
    return window.matchMedia?.("(prefers-color-scheme: dark)").matches === true;
  } catch {
    return false;
  }
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

/**
 * Office's part of the start: office.js is the next script of the page (taskpane.html puts this
 * script before it, so the pane is drawn without waiting for office.js to download and start),
 * so it has run by DOMContentLoaded — or failed to load (offline): then the pane is outside Excel.
 */
function startOffice(): void {
  // The custom function is associated as the shared runtime loads the page (Excel may
  // evaluate =BUDGET.科目名称() before the pane is shown).
  registerFunctions(() => catalogStore().catalog());
  if (typeof Office === "undefined" || !Office.onReady) {
    outsideExcel();
    return;
  }
  Office.onReady((info) => {
    const caps = detectCapabilities();
    window.__budgetTablesCapabilities = caps;
    if (caps.has.sharedRuntime) registerCommands(); // Office.actions lives in the shared runtime
    if (info.host === Office.HostType.Excel) render(new OfficeHost(undefined, caps.has), true, Office.context.displayLanguage, isDark(), new OfficeSettingsStore(), caps);
    else outsideExcel();
  }).catch(() => outsideExcel());
}

// Draw the pane now, while office.js loads and meets its host (100–200 ms, longer in a cold
// Excel): the shell, the tabs and the settings are there at once, the header says it is
// connecting, and the host (with the workbook's settings, Office's language and theme) comes at
// Office.onReady. The same root is redrawn then, so nothing the user did is lost. The first draw
// is synchronous (flushSync), so it is on screen before office.js starts running.
{
  const params = new URLSearchParams(window.location.search);
  flushSync(() => render(null, undefined, params.get("lang") ?? navigator.language, params.has("theme") ? params.get("theme") === "dark" : prefersDark(), undefined, undefined));
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startOffice, { once: true });
else startOffice();
