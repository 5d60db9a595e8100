/**
 * How a finding's severity is shown, in one place for every view: a label, a shape (icon) and
 * a colour. Colour alone never carries it: in Windows high-contrast (forced-colors) mode the
 * browser replaces every colour with the user's system colours, so there each severity keeps
 * its own icon shape (✕ in a circle, ! in a triangle, i in a circle) and its own border style
 * (solid, dashed, dotted), and the label text stays beside the count.
 *
 *   const sev = useSeverityStyles();
 *   <div className={mergeClasses(myCard, sev.edge[f.severity])}>
 *     <SeverityIcon severity={f.severity} t={t} />  // labelled (role="img"); decorative={true} when a label is next to it
 *   <Badge color={SEVERITY_BADGE_COLOR[s]}>{severityLabel(s, t)} {n}</Badge>
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Severity } from "../core/checks/types";
import type { Strings } from "./i18n";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Fluent Badge colours for the severities. */
export const SEVERITY_BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

/** The plural heading / count label ("错误", "Errors"). */
export function severityLabel(s: Severity, t: Strings): string {
  return s === "error" ? t.sevError : s === "warning" ? t.sevWarning : t.sevInfo;
}

/** The name of one finding's severity, for an icon's accessible name ("错误", "Error"). */
export function severityName(s: Severity, t: Strings): string {
  return s === "error" ? t.sevIconError : s === "warning" ? t.sevIconWarning : t.sevIconInfo;
}

const FORCED = "@media (forced-colors: active)";

export const useSeverityStyles = makeStyles({
  /** A 4 px leading edge in the severity's colour; in forced colors a system colour with a per-severity line style. */
  edgeError: {
    borderLeftWidth: "4px",
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorPaletteRedBorder2,
    [FORCED]: { borderLeftColor: "CanvasText", borderLeftStyle: "solid", borderLeftWidth: "6px" },
  },
  edgeWarning: {
    borderLeftWidth: "4px",
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorPaletteMarigoldBorder2,
    [FORCED]: { borderLeftColor: "CanvasText", borderLeftStyle: "dashed", borderLeftWidth: "6px" },
  },
  edgeInfo: {
    borderLeftWidth: "4px",
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorNeutralStroke1,
    [FORCED]: { borderLeftColor: "CanvasText", borderLeftStyle: "dotted", borderLeftWidth: "6px" },
  },
  textError: { color: tokens.colorPaletteRedForeground1, [FORCED]: { color: "CanvasText" } },
  textWarning: { color: tokens.colorPaletteDarkOrangeForeground1, [FORCED]: { color: "CanvasText" } },
  textInfo: { color: tokens.colorNeutralForeground2, [FORCED]: { color: "CanvasText" } },
  icon: {
    display: "inline-block",
    flexShrink: 0,
    width: "16px",
    height: "16px",
    verticalAlign: "-3px",
    // the shape is drawn with currentColor: in forced colors it takes the text's system colour
    forcedColorAdjust: "auto",
  },
});

/** Per-severity class names: `edge` (leading border) and `text` (foreground colour). */
export function useSeverityClasses(): { edge: Record<Severity, string>; text: Record<Severity, string>; icon: string } {
  const s = useSeverityStyles();
  return {
    edge: { error: s.edgeError, warning: s.edgeWarning, info: s.edgeInfo },
    text: { error: s.textError, warning: s.textWarning, info: s.textInfo },
    icon: s.icon,
  };
}

const PATHS: Record<Severity, React.ReactNode> = {
  // ✕ in a circle
  error: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" style={{ stroke: "var(--sev-cut, #fff)" }} />
    </>
  ),
  // ! in a triangle
  warning: (
    <>
      <path d="M8 1.2L15.2 14.5H0.8z" fill="currentColor" strokeLinejoin="round" />
      <path d="M8 5.8v4.4" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" style={{ stroke: "var(--sev-cut, #fff)" }} />
      <circle cx="8" cy="12.4" r="1" style={{ fill: "var(--sev-cut, #fff)" }} />
    </>
  ),
  // i in a circle (outlined)
  info: (
    <>
      <circle cx="8" cy="8" r="6.3" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 7.2v4.2" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
      <circle cx="8" cy="4.9" r="1" fill="currentColor" />
    </>
  ),
};

const useCutStyles = makeStyles({
  // the cut-out strokes: white on the coloured shape, the background colour in forced colors
  cut: { "--sev-cut": "#fff", [FORCED]: { "--sev-cut": "Canvas" } } as never,
});

/**
 * The severity's shape, in its colour. Labelled for screen readers (role="img" with the
 * severity's name) unless `decorative` (a visible label is next to it).
 */
export function SeverityIcon({ severity, t, decorative, className }: { severity: Severity; t: Strings; decorative?: boolean; className?: string }): React.ReactElement {
  const s = useSeverityClasses();
  const cut = useCutStyles();
  const a11y = decorative ? { "aria-hidden": true as const } : { role: "img", "aria-label": severityName(severity, t) };
  return (
    <svg viewBox="0 0 16 16" focusable="false" className={mergeClasses(s.icon, s.text[severity], cut.cut, className)} data-severity={severity} {...a11y}>
      {PATHS[severity]}
    </svg>
  );
}
