import * as React from "react";
import { render } from "@testing-library/react";
import { App, type TabId } from "../../src/taskpane/App";
import { defaultServices, type Services } from "../../src/taskpane/services";
import { MemorySettingsStore, type PaneSettings } from "../../src/taskpane/settings";
import type { WorkbookHost } from "../../src/hosts/host";
import type { Lang } from "../../src/taskpane/i18n";
import type { Capabilities } from "../../src/hosts/office/features";

// jsdom has no ResizeObserver (Fluent's MessageBar measures itself with one); browsers do.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

export function renderPane(host: WorkbookHost, opts: { tab?: TabId; services?: Partial<Services>; settings?: PaneSettings; lang?: Lang; caps?: Capabilities } = {}) {
  const store = new MemorySettingsStore(opts.settings ?? {});
  // a test's own `check` (fixed findings, a failing checker) replaces the default async checker too
  const own = opts.services && "check" in opts.services && !("checkAsync" in opts.services) ? { checkAsync: null } : {};
  const services = { ...defaultServices, ...own, ...opts.services };
  const utils = render(<App host={host} inExcel={false} initialLang={opts.lang ?? "zh-CN"} services={services} settingsStore={store} initialTab={opts.tab ?? "check"} caps={opts.caps} />);
  return { ...utils, store };
}
