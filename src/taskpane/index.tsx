/**
 * Task pane entry. Inside Excel it talks to the workbook through Office.js;
 * outside Excel (a plain browser, or the browser tests) it says so and works on
 * a simulated in-memory workbook behind the same host interface.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { pickLang } from "./i18n";
import { OfficeHost } from "../hosts/office/officeHost";
import { MemoryHost } from "../hosts/memory/memoryHost";
import type { WorkbookHost } from "../hosts/host";
import { demoWorkbook } from "./demoWorkbook";
import { registerFunctions } from "../functions/functions";
import { registerCommands } from "../commands/commands";

declare global {
  interface Window {
    /** Set by tests to drive the pane against their own in-memory workbook. */
    __budgetTablesHost?: WorkbookHost;
  }
}

function render(host: WorkbookHost, inExcel: boolean, lang: string | undefined, dark: boolean): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(<App host={host} inExcel={inExcel} initialLang={pickLang(lang)} dark={dark} />);
}

function outsideExcel(): void {
  const params = new URLSearchParams(window.location.search);
  const lang = params.get("lang") ?? navigator.language;
  render(window.__budgetTablesHost ?? new MemoryHost(demoWorkbook()), false, lang, params.get("theme") === "dark");
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

if (typeof Office === "undefined" || !Office.onReady) {
  outsideExcel();
} else {
  Office.onReady((info) => {
    registerFunctions();
    registerCommands();
    if (info.host === Office.HostType.Excel) render(new OfficeHost(), true, Office.context.displayLanguage, isDark());
    else outsideExcel();
  }).catch(() => outsideExcel());
}
