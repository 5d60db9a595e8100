import * as React from "react";
import {
  FluentProvider,
  webLightTheme,
  webDarkTheme,
  MessageBar,
  MessageBarBody,
  Button,
  Title3,
  makeStyles,
  tokens,
  Spinner,
} from "@fluentui/react-components";
import type { Workbook } from "../core/model";
import { HostError, type WorkbookHost } from "../hosts/host";
import { STRINGS, type Lang } from "./i18n";
import { draftTabLabel } from "./panels/draftLabel";

// Each panel is fetched when its tab is first opened (the 检查 panel as soon as the workbook has
// tables): the first scripts stay small and the first render draws only the shell
const InsertPanel = React.lazy(() => import(/* webpackChunkName: "insert" */ "./panels/InsertPanel").then((m) => ({ default: m.InsertPanel })));
const FillPanel = React.lazy(() => import(/* webpackChunkName: "fill" */ "./panels/FillPanel").then((m) => ({ default: m.FillPanel })));
const CheckPanel = React.lazy(() => import(/* webpackChunkName: "check" */ "./panels/CheckPanel").then((m) => ({ default: m.CheckPanel })));
const DraftPanel = React.lazy(() => import(/* webpackChunkName: "draft" */ "./panels/DraftPanel").then((m) => ({ default: m.DraftPanel })));
import { Header } from "./Header";
import { PanelErrorBoundary } from "./errors";
import { defaultServices, detectAsync, useServicesReady, type Services } from "./services";
import type { Detected } from "../core/report/detected";
import { LocalUserPrefsStore, MemorySettingsStore, type PaneSettings, type SettingsStore, type UserPrefs, type UserPrefsStore } from "./settings";
import { paneYield, VISUALLY_HIDDEN, type PanelProps } from "./shared";
import { resolveWorkContext } from "../core/workflows/context";
import { FirstRun, type StartAction } from "./FirstRun";
import { SettingsPanel } from "./SettingsPanel";
import { TabBar } from "./TabBar";
import { detectCapabilities, featureNote, type Capabilities } from "../hosts/office/features";

function safeCatalog(services: Services) {
  try {
    return services.catalog();
  } catch {
    return null;
  }
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "10px",
    padding: "12px",
    boxSizing: "border-box",
    maxWidth: "100%",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  top: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  // one line in Chinese, at most two in English at 320 px (the buttons beside it stay small)
  title: { margin: 0, minWidth: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  topButtons: { display: "flex", gap: "4px", flexShrink: 0 },
  topButton: { minHeight: "28px", minWidth: "28px" },
  panel: { minWidth: 0 },
  visuallyHidden: VISUALLY_HIDDEN,
});

/**
 * The host the settings area gets while Office is still starting (the panels are not shown
 * yet): every call says so instead of failing on a null.
 */
const CONNECTING: WorkbookHost = {
  kind: "excel",
  readWorkbook: () => Promise.reject(new HostError(STRINGS["zh-CN"].connecting, "other")),
  applyChanges: () => Promise.reject(new HostError(STRINGS["zh-CN"].connecting, "other")),
  select: () => Promise.resolve(),
  getSelection: () => Promise.resolve(null),
};

/** Help, shipped beside the pane (webpack copies help.html into dist/web). */
export const HELP_HREF = "help.html";

/** What the panel area shows: the first-run view, one of the four panels; settings opens over them. */
export type View = "start" | TabId;

export type TabId = "insert" | "fill" | "check" | "draft";

export interface AppProps {
  /**
   * The workbook. null while Office starts (index.tsx draws the pane at once and hands the host
   * over at Office.onReady): the shell is there, the header says it is connecting, the panels
   * and the first read wait for the host.
   */
  host: WorkbookHost | null;
  /** In Excel (false: the outside-Excel banner); undefined while Office starts. */
  inExcel?: boolean;
  initialLang: Lang;
  dark?: boolean;
  services?: Services;
  /** Settings of this workbook (year, unit, tolerance…). */
  settingsStore?: SettingsStore;
  /** The user's own preferences (the language): default localStorage under a user-level key. */
  userStore?: UserPrefsStore;
  /**
   * The panel to open on. Absent: decided by the workbook once read — 检查 when it has standard
   * tables, the first-run view when it has none.
   */
  initialTab?: TabId;
  /** What this Excel supports (index.tsx: detectCapabilities at Office.onReady). Absent: outside Excel, detectCapabilities(null). */
  caps?: Capabilities;
}

export function App({ host, inExcel, initialLang, dark, services = defaultServices, settingsStore, userStore, initialTab, caps: givenCaps }: AppProps): React.ReactElement {
  const styles = useStyles();
  const store = React.useMemo(() => settingsStore ?? new MemorySettingsStore(), [settingsStore]);
  const users = React.useMemo(() => userStore ?? new LocalUserPrefsStore(), [userStore]);
  const [settings, setSettings] = React.useState<PaneSettings>(() => store.load());
  // the workbook's own store arrives with the host (Office's document settings): read it then
  const firstStore = React.useRef(store);
  React.useEffect(() => {
    if (store !== firstStore.current) setSettings(store.load());
  }, [store]);
  const [prefs, setPrefs] = React.useState<UserPrefs>(() => users.load());
  const lang: Lang = prefs.lang ?? initialLang;
  // null until the first read decides (no first-run flash on a workbook that has tables)
  const [view, setView] = React.useState<View | null>(initialTab ?? null);
  const [settingsOpen, setSettingsOpen] = React.useState(false);
  const [visited, setVisited] = React.useState<Set<TabId>>(() => new Set(initialTab ? [initialTab] : []));
  const [announcement, setAnnouncement] = React.useState("");
  const focusTarget = React.useRef<"start" | "settings" | "settings-button" | TabId | null>(null);
  const startHeading = React.useRef<HTMLHeadingElement>(null);
  const settingsHeading = React.useRef<HTMLHeadingElement>(null);
  const settingsButton = React.useRef<HTMLButtonElement>(null);
  const [wb, setWb] = React.useState<Workbook | null>(null);
  const [readError, setReadError] = React.useState<unknown>(null);
  const [reading, setReading] = React.useState(false);
  const t = STRINGS[lang];

  const updateSettings = React.useCallback(
    (patch: Partial<PaneSettings>) =>
      setSettings((s) => {
        const next = { ...s, ...patch };
        for (const k of Object.keys(next) as (keyof PaneSettings)[]) if (next[k] === undefined) delete next[k];
        store.save(next);
        return next;
      }),
    [store],
  );

  /** Say something to screen readers (the App's polite live region); the same text twice is said twice. */
  const announce = React.useCallback((message: string) => {
    setAnnouncement("");
    setTimeout(() => setAnnouncement(message), 50);
  }, []);

  const setUserLang = React.useCallback(
    (next: Lang | undefined) => {
      const p: UserPrefs = next ? { lang: next } : {};
      users.save(p);
      setPrefs(p);
      announce(STRINGS[next ?? initialLang].statusLang);
    },
    [users, initialLang, announce],
  );

  /** Show a view; `focus` moves the keyboard focus there (when the switch came from a button, not from the tab list). */
  const show = React.useCallback((next: View, focus: boolean) => {
    setView(next);
    setSettingsOpen(false);
    if (next !== "start") setVisited((v) => (v.has(next) ? v : new Set([...v, next])));
    focusTarget.current = focus ? next : null;
  }, []);

  const openSettings = (open: boolean) => {
    setSettingsOpen(open);
    focusTarget.current = open ? "settings" : "settings-button";
  };

  const reload = React.useCallback(async (): Promise<Workbook> => {
    if (!host) throw new HostError(STRINGS[initialLang].connecting, "other");
    setReading(true);
    try {
      const w = await host.readWorkbook();
      // a fresh object so the header recomputes even when the host hands back the same model
      setWb({ sheets: [...w.sheets] });
      setReadError(null);
      return w;
    } catch (e) {
      setReadError(e);
      throw e;
    } finally {
      setReading(false);
    }
  }, [host, initialLang]);

  React.useEffect(() => {
    if (host) reload().catch(() => undefined);
  }, [host, reload]);

  // the catalog data and the checker arrive just after the first render (services.ready)
  const ready = useServicesReady(services);
  // The header's facts, recognised sheet by sheet with pauses (a workbook of many large sheets
  // takes seconds: the pane stays responsive meanwhile, e.g. to a 取消 of the check that
  // re-read it); a newer read cancels the older recognition, whose facts are kept until then.
  const [detected, setDetected] = React.useState<Detected | null>(null);
  React.useEffect(() => {
    if (!wb || !ready) return;
    const stop = new AbortController();
    detectAsync(services, wb, { signal: stop.signal, yield: paneYield() }).then(
      (d) => {
        if (!stop.signal.aborted) setDetected(d);
      },
      () => undefined, // cancelled by a newer read
    );
    return () => stop.abort();
  }, [wb, services, ready]);

  // A panel asked for once the host is known (index.tsx draws the pane before Office is ready)
  React.useEffect(() => {
    if (!initialTab) return;
    setView((v) => v ?? initialTab);
    setVisited((v) => (v.size ? v : new Set([initialTab])));
  }, [initialTab]);

  // The first read decides where the pane opens: 检查 on a workbook with tables, else the first-run view.
  React.useEffect(() => {
    if (view !== null) return;
    const first: View | null = detected ? (detected.tables.length > 0 ? "check" : "start") : readError ? "start" : null;
    if (!first) return;
    // (settings may already be open: deciding the view leaves them so)
    setView(first);
    if (first !== "start") setVisited((v) => new Set([...v, first]));
  }, [view, detected, readError]);

  // After a switch made from a button, move the focus into the new view.
  React.useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    const el =
      target === "start"
        ? startHeading.current
        : target === "settings"
          ? settingsHeading.current
          : target === "settings-button"
            ? settingsButton.current
            : document.getElementById(`tab-${target}`);
    // not there yet (an effect of the previous render): try again after the next render
    if (!el) return;
    focusTarget.current = null;
    el.focus();
  });

  const work = React.useMemo(
    () => resolveWorkContext({ chosenYear: settings.year, workbookYear: detected?.year, catalog: ready ? safeCatalog(services) : null }),
    [settings.year, detected, services, ready],
  );
  const caps = React.useMemo(() => givenCaps ?? detectCapabilities(null), [givenCaps]);
  const readNote = featureNote(caps, "read", lang);
  const firstDetection = wb !== null && detected === null && !readError;
  const props: PanelProps = { host: host ?? CONNECTING, services, t, lang, settings, updateSettings, detected, reload, work, caps };

  const tabLabels: Record<StartAction, string> = { insert: t.tabInsert, fill: t.tabFill, check: t.tabCheck, draft: draftTabLabel(t) };
  const tab: TabId | undefined = view && view !== "start" ? view : undefined;

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={lang} style={{ backgroundColor: "transparent" }}>
      <main className={styles.root} lang={lang}>
        <div className={styles.top}>
          <Title3 as="h1" className={styles.title} data-testid="app-title">
            {t.appTitle}
          </Title3>
          <div className={styles.topButtons}>
            <Button
              size="small"
              appearance="subtle"
              className={styles.topButton}
              title={t.languageLabel}
              lang={lang === "zh-CN" ? "en-US" : "zh-CN"}
              onClick={() => setUserLang(lang === "zh-CN" ? "en-US" : "zh-CN")}
              data-testid="lang-toggle"
            >
              {t.language}
            </Button>
            <Button
              ref={settingsButton}
              size="small"
              appearance={settingsOpen ? "primary" : "subtle"}
              className={styles.topButton}
              aria-expanded={settingsOpen}
              aria-controls="settings-area"
              onClick={() => openSettings(!settingsOpen)}
              data-testid="settings-button"
            >
              {t.settings}
            </Button>
          </div>
        </div>
        {inExcel === false && (
          <MessageBar intent="warning" data-testid="host-banner" layout="multiline">
            <MessageBarBody>{t.outsideExcel}</MessageBarBody>
          </MessageBar>
        )}
        {inExcel && <span data-testid="host-banner" hidden>{t.inExcel}</span>}
        {readNote && (
          <MessageBar intent="warning" data-testid="read-note" layout="multiline">
            <MessageBarBody>{readNote}</MessageBarBody>
          </MessageBar>
        )}
        {/* until the first recognition of the workbook is done, the header shows no year (it would be the default guess) */}
        <Header t={t} lang={lang} detected={detected} wb={wb} reading={reading || !ready || !host || firstDetection}
          readingLabel={host ? undefined : t.connecting} error={readError} work={firstDetection ? undefined : work} onRefresh={() => reload().catch(() => undefined)} />
        <TabBar
          tabs={(["insert", "fill", "check", "draft"] as TabId[]).map((id) => ({ value: id, label: tabLabels[id] }))}
          selected={settingsOpen ? undefined : tab}
          onSelect={(id) => show(id, false)}
          label={t.appTitle}
        />
        {settingsOpen && (
          <div id="settings-area" className={styles.panel}>
            <SettingsPanel
              {...props}
              ref={settingsHeading}
              userLang={prefs.lang}
              officeLang={initialLang}
              setUserLang={setUserLang}
              onDone={() => openSettings(false)}
              onShowStart={() => show("start", true)}
              helpHref={HELP_HREF}
              announce={announce}
            />
          </div>
        )}
        {host && view === "start" && !settingsOpen && (
          <div className={styles.panel}>
            <FirstRun
              {...props}
              ref={startHeading}
              hasTables={(detected?.tables.length ?? 0) > 0}
              onOpen={(id) => show(id, true)}
              helpHref={HELP_HREF}
              tabLabels={tabLabels}
            />
          </div>
        )}
        {(["insert", "fill", "check", "draft"] as TabId[])
          .filter((id) => host && visited.has(id))
          .map((id) => (
            // panels stay mounted once opened, so a preview or a result list survives switching tabs
            <section key={id} className={styles.panel} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={settingsOpen || tab !== id} data-testid={`panel-${id}`}>
              <PanelErrorBoundary t={t}>
                <React.Suspense fallback={<Spinner size="tiny" label={t.reading} />}>
                  {id === "insert" && <InsertPanel {...props} />}
                  {id === "fill" && <FillPanel {...props} />}
                  {id === "check" && <CheckPanel {...props} />}
                  {id === "draft" && <DraftPanel {...props} />}
                </React.Suspense>
              </PanelErrorBoundary>
            </section>
          ))}
        <div role="status" aria-live="polite" aria-atomic="true" className={styles.visuallyHidden} data-testid="app-status">
          {announcement}
        </div>
      </main>
    </FluentProvider>
  );
}
