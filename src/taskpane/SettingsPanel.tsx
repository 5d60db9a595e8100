/**
 * 设置, opened from the top bar: the budget year every action uses (automatic — the workbook's,
 * else next year — or chosen), the catalog edition answering it and the catalog import, the 尾差
 * tolerance with what each step means, the interface language (the user's own, never the
 * workbook's), help and the version. Changes apply at once; 完成 goes back.
 */
import * as React from "react";
import { Button, Field, Input, Link, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "./i18n";
import { CatalogImport } from "./panels/CatalogImport";
import { editionNote, yearSourceLabel } from "./Header";
import { usePanelStyles, type PanelProps } from "./shared";
import { VERSION } from "../version";
import { resolveWorkContext } from "../core/workflows/context";
import { detectCapabilities } from "../hosts/office/features";
import { CapabilityList } from "./capabilities";

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  top: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  option: { display: "flex", flexDirection: "column", minWidth: 0 },
  optionHelp: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  yearRow: { display: "flex", alignItems: "flex-end", gap: "8px", flexWrap: "wrap", paddingLeft: "32px" },
  link: { display: "inline-flex", alignItems: "center", minHeight: "24px" },
  foot: { display: "flex", flexWrap: "wrap", gap: "12px", alignItems: "center" },
});

export interface SettingsPanelProps extends PanelProps {
  /** The user's own language choice (absent: Office's display language). */
  userLang: Lang | undefined;
  /** Office's display language (what "follow Office" means). */
  officeLang: Lang;
  setUserLang: (lang: Lang | undefined) => void;
  onDone: () => void;
  onShowStart: () => void;
  helpHref: string;
  announce: (message: string) => void;
}

export const SettingsPanel = React.forwardRef<HTMLHeadingElement, SettingsPanelProps>(function SettingsPanel(props, headingRef) {
  const { t, lang, settings, updateSettings, work, detected, userLang, officeLang, setUserLang, onDone, onShowStart, helpHref, announce } = props;
  const s = usePanelStyles();
  const st = useStyles();
  const chosen = settings.year !== undefined;
  const [yearText, setYearText] = React.useState(String(settings.year ?? work.year));
  const yearNum = Number(yearText);
  const yearOk = /^\d{4}$/.test(yearText.trim()) && yearNum >= 2000 && yearNum <= 2100;
  const factor = settings.roundingFactor ?? 1;
  const tolName = (f: number) => (f === 0 ? t.tolStrict : f === 2 ? t.tolLoose : t.tolStandard);
  const note = editionNote(work, t, lang);
  const autoYear = resolveWorkContext({ workbookYear: detected?.year }).year;
  const langName = (l: Lang) => (l === "zh-CN" ? t.langZh : t.langEn);

  const setYearMode = (mode: string) => {
    if (mode === "auto") {
      updateSettings({ year: undefined });
      setYearText(String(autoYear));
      announce(t.statusYear(autoYear, detected?.year ? t.srcWorkbook : t.srcDefault));
    } else if (yearOk) {
      updateSettings({ year: yearNum });
      announce(t.statusYear(yearNum, t.srcChosen));
    }
  };
  const typeYear = (text: string) => {
    setYearText(text);
    const y = Number(text);
    if (/^\d{4}$/.test(text.trim()) && y >= 2000 && y <= 2100) {
      updateSettings({ year: y });
      announce(t.statusYear(y, t.srcChosen));
    }
  };

  return (
    <section className={s.panel} aria-labelledby="settings-title" data-testid="settings-panel">
      <div className={st.top}>
        <h2 id="settings-title" className={st.heading} tabIndex={-1} ref={headingRef}>
          {t.settingsTitle}
        </h2>
        <Button appearance="primary" onClick={onDone} data-testid="settings-done">
          {t.settingsDone}
        </Button>
      </div>

      <div className={s.section}>
        <Field label={t.yearSetting} hint={t.yearUsedEverywhere}>
          <RadioGroup value={chosen ? "chosen" : "auto"} onChange={(_, d) => setYearMode(d.value)} data-testid="settings-year-mode">
            <Radio
              value="auto"
              label={
                <span className={st.option}>
                  <span>{t.yearAuto(autoYear)}</span>
                  <span className={st.optionHelp}>{t.yearAutoHelp}</span>
                </span>
              }
              data-testid="settings-year-auto"
            />
            <Radio value="chosen" label={t.yearChoose} data-testid="settings-year-chosen" />
          </RadioGroup>
        </Field>
        <div className={st.yearRow}>
          <Field label={t.yearChooseLabel} validationMessage={yearOk ? undefined : t.yearInvalid} validationState={yearOk ? "none" : "error"} style={{ width: "120px" }}>
            <Input
              value={yearText}
              inputMode="numeric"
              maxLength={4}
              onChange={(_, d) => typeYear(d.value)}
              onFocus={() => {
                if (!chosen && yearOk) updateSettings({ year: yearNum });
              }}
              data-testid="settings-year"
            />
          </Field>
        </div>
        <Text size={200} data-testid="settings-year-now">
          {t.year} {work.year}（{yearSourceLabel(work.yearSource, t)}）
        </Text>
      </div>

      <div className={s.section}>
        <Text className={s.sectionTitle}>{t.edition}</Text>
        <Text size={200} data-testid="settings-edition">
          {work.edition === null ? t.editionNone : t.editionOf(work.edition)}
          {note ? ` · ${note}` : ""}
        </Text>
      </div>
      <CatalogImport host={props.host} services={props.services} t={t} settings={settings} />

      <div className={s.section}>
        <Field label={t.tolerance} hint={t.toleranceHelp}>
          <RadioGroup
            value={String(factor)}
            onChange={(_, d) => {
              const f = Number(d.value) as 0 | 1 | 2;
              updateSettings({ roundingFactor: f });
              announce(t.statusTolerance(tolName(f)));
            }}
            data-testid="settings-tolerance"
          >
            {([0, 1, 2] as const).map((f) => (
              <Radio
                key={f}
                value={String(f)}
                label={
                  <span className={st.option}>
                    <span>{tolName(f)}</span>
                    <span className={st.optionHelp}>{f === 0 ? t.tolStrictHelp : f === 1 ? t.tolStandardHelp : t.tolLooseHelp}</span>
                  </span>
                }
              />
            ))}
          </RadioGroup>
        </Field>
      </div>

      <div className={s.section}>
        <Field label={t.langSetting} hint={t.langHelp}>
          <RadioGroup
            value={userLang ?? "auto"}
            onChange={(_, d) => setUserLang(d.value === "auto" ? undefined : (d.value as Lang))}
            data-testid="settings-lang"
          >
            <Radio value="auto" label={t.langAuto(langName(officeLang))} />
            <Radio value="zh-CN" label={t.langZh} lang="zh-CN" />
            <Radio value="en-US" label={t.langEn} lang="en-US" />
          </RadioGroup>
        </Field>
      </div>

      <CapabilityList caps={props.caps ?? detectCapabilities(null)} lang={lang} className={s.section} />

      <div className={st.foot}>
        <Link href={helpHref} target="_blank" rel="noopener" className={st.link} data-testid="settings-help">
          {t.help}
        </Link>
        <Button appearance="secondary" onClick={onShowStart} data-testid="settings-show-start">
          {t.showStart}
        </Button>
        <Text size={200} data-testid="settings-version">
          {t.versionLabel(VERSION)}
        </Text>
      </div>
    </section>
  );
});
