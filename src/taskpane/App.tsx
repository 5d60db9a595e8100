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
import type { WorkbookHost } from "../hosts/host";
import { STRINGS, type Lang } from "./i18n";
import { InsertPanel } from "./panels/InsertPanel";
import { FillPanel } from "./panels/FillPanel";
import { CheckPanel } from "./panels/CheckPanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", padding: "12px", minWidth: "280px", boxSizing: "border-box" },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  panel: { paddingTop: "8px", color: tokens.colorNeutralForeground1 },
});

export interface AppProps {
  host: WorkbookHost;
  inExcel: boolean;
  initialLang: Lang;
  dark?: boolean;
}

export function App({ host, inExcel, initialLang, dark }: AppProps): React.ReactElement {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const [tab, setTab] = React.useState<"insert" | "fill" | "check">("check");
  const t = STRINGS[lang];
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={lang}>
      <main className={styles.root}>
        <div className={styles.header}>
          <Title3 as="h1">{t.appTitle}</Title3>
          <Button size="small" appearance="subtle" onClick={() => setLang(lang === "zh-CN" ? "en-US" : "zh-CN")}>
            {t.language}
          </Button>
        </div>
        <MessageBar intent={inExcel ? "success" : "warning"} data-testid="host-banner">
          <MessageBarBody>{inExcel ? t.inExcel : t.outsideExcel}</MessageBarBody>
        </MessageBar>
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as typeof tab)} size="small">
          <Tab value="insert">{t.tabInsert}</Tab>
          <Tab value="fill">{t.tabFill}</Tab>
          <Tab value="check">{t.tabCheck}</Tab>
        </TabList>
        <section className={styles.panel} role="tabpanel" aria-label={tab}>
          {tab === "insert" && <InsertPanel host={host} t={t} />}
          {tab === "fill" && <FillPanel host={host} t={t} />}
          {tab === "check" && <CheckPanel host={host} t={t} />}
        </section>
      </main>
    </FluentProvider>
  );
}
