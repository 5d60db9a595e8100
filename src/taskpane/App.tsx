import * as React from "react";
import {
  FluentProvider,
  webLightTheme,
  webDarkTheme,
  TabList,
  Tab,
  MessageBar,
  MessageBarBody,
  Button,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Workbook } from "../core/model";
import type { WorkbookHost } from "../hosts/host";
import { STRINGS, type Lang } from "./i18n";
import { InsertPanel } from "./panels/InsertPanel";
import { FillPanel } from "./panels/FillPanel";
import { CheckPanel } from "./panels/CheckPanel";
import { DraftPanel, draftTabLabel } from "./panels/DraftPanel";
import { Header } from "./Header";
import { PanelErrorBoundary } from "./errors";
import { defaultServices, detect, useServicesReady, type Services } from "./services";
import { MemorySettingsStore, type PaneSettings, type SettingsStore } from "./settings";
import type { PanelProps } from "./shared";
import { resolveWorkContext } from "../core/workflows/context";

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
  title: { margin: 0 },
  panel: { minWidth: 0 },
});

export type TabId = "insert" | "fill" | "check" | "draft";

export interface AppProps {
  host: WorkbookHost;
  inExcel: boolean;
  initialLang: Lang;
  dark?: boolean;
  services?: Services;
  settingsStore?: SettingsStore;
  initialTab?: TabId;
}

export function App({ host, inExcel, initialLang, dark, services = defaultServices, settingsStore, initialTab = "check" }: AppProps): React.ReactElement {
  const styles = useStyles();
  const store = React.useMemo(() => settingsStore ?? new MemorySettingsStore(), [settingsStore]);
  const [settings, setSettings] = React.useState<PaneSettings>(() => store.load());
  const lang: Lang = settings.lang ?? initialLang;
  const [tab, setTab] = React.useState<TabId>(initialTab);
  const [visited, setVisited] = React.useState<Set<TabId>>(() => new Set([initialTab]));
  const [wb, setWb] = React.useState<Workbook | null>(null);
  const [readError, setReadError] = React.useState<unknown>(null);
  const [reading, setReading] = React.useState(false);
  const t = STRINGS[lang];

  const updateSettings = React.useCallback(
    (patch: Partial<PaneSettings>) =>
      setSettings((s) => {
        const next = { ...s, ...patch };
        store.save(next);
        return next;
      }),
    [store],
  );

  const reload = React.useCallback(async (): Promise<Workbook> => {
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
  }, [host]);

  React.useEffect(() => {
    reload().catch(() => undefined);
  }, [reload]);

  // the catalog data and the checker arrive just after the first render (services.ready)
  const ready = useServicesReady(services);
  const detected = React.useMemo(() => (wb && ready ? detect(services, wb) : null), [wb, services, ready]);

  const work = React.useMemo(
    () => resolveWorkContext({ chosenYear: settings.year, workbookYear: detected?.year, catalog: ready ? safeCatalog(services) : null }),
    [settings.year, detected, services, ready],
  );
  const props: PanelProps = { host, services, t, lang, settings, updateSettings, detected, reload, work };

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={lang} style={{ backgroundColor: "transparent" }}>
      <main className={styles.root} lang={lang}>
        <div className={styles.top}>
          <Title3 as="h1" className={styles.title}>
            {t.appTitle}
          </Title3>
          <Button size="small" appearance="subtle" title={t.languageLabel} onClick={() => updateSettings({ lang: lang === "zh-CN" ? "en-US" : "zh-CN" })}>
            {t.language}
          </Button>
        </div>
        {!inExcel && (
          <MessageBar intent="warning" data-testid="host-banner" layout="multiline">
            <MessageBarBody>{t.outsideExcel}</MessageBarBody>
          </MessageBar>
        )}
        {inExcel && <span data-testid="host-banner" hidden>{t.inExcel}</span>}
        <Header t={t} detected={detected} wb={wb} reading={reading || !ready} error={readError} onRefresh={() => reload().catch(() => undefined)} />
        <TabList selectedValue={tab} onTabSelect={(_, d) => {
            const id = d.value as TabId;
            setTab(id);
            setVisited((v) => (v.has(id) ? v : new Set([...v, id])));
          }} size="small" aria-label={t.appTitle}>
          <Tab value="insert" id="tab-insert" aria-controls="panel-insert">
            {t.tabInsert}
          </Tab>
          <Tab value="fill" id="tab-fill" aria-controls="panel-fill">
            {t.tabFill}
          </Tab>
          <Tab value="check" id="tab-check" aria-controls="panel-check">
            {t.tabCheck}
          </Tab>
          <Tab value="draft" id="tab-draft" aria-controls="panel-draft">
            {draftTabLabel(t)}
          </Tab>
        </TabList>
        {(["insert", "fill", "check", "draft"] as TabId[])
          .filter((id) => visited.has(id))
          .map((id) => (
            // panels stay mounted once opened, so a preview or a result list survives switching tabs
            <section key={id} className={styles.panel} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={tab !== id} data-testid={`panel-${id}`}>
              <PanelErrorBoundary t={t}>
                {id === "insert" && <InsertPanel {...props} />}
                {id === "fill" && <FillPanel {...props} />}
                {id === "check" && <CheckPanel {...props} />}
                {id === "draft" && <DraftPanel {...props} />}
              </PanelErrorBoundary>
            </section>
          ))}
      </main>
    </FluentProvider>
  );
}
