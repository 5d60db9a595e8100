/**
 * The pane's four tabs: the WAI-ARIA tabs pattern (role tablist/tab, roving tabindex: one tab
 * in the Tab order, ←/→ and Home/End move between tabs, Enter/Space opens one), styled as
 * Fluent's small TabList. Fluent's own TabList puts tabster's focusable aria-hidden "dummy"
 * elements around the tabs, which axe reports as aria-hidden-focus (serious); this one has none.
 * In forced-colors mode the selected tab keeps its underline (a border, drawn in a system colour).
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens, createFocusOutlineStyle } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", alignItems: "stretch", gap: "0 2px", minWidth: 0 },
  tab: {
    position: "relative",
    display: "inline-flex",
    alignItems: "center",
    minHeight: "32px",
    padding: "4px 8px",
    border: "none",
    borderBottom: "2px solid transparent",
    borderRadius: tokens.borderRadiusMedium,
    background: "none",
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover, borderBottomColor: tokens.colorNeutralStroke1Hover },
    ...createFocusOutlineStyle(),
    "@media (forced-colors: active)": { color: "ButtonText", ":hover": { borderBottomColor: "Highlight" } },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
    ":hover": { borderBottomColor: tokens.colorCompoundBrandStrokeHover },
    "@media (forced-colors: active)": { borderBottomColor: "Highlight", ":hover": { borderBottomColor: "Highlight" } },
  },
});

export interface TabItem<T extends string> {
  value: T;
  label: React.ReactNode;
}

export function TabBar<T extends string>({
  tabs,
  selected,
  onSelect,
  label,
}: {
  tabs: TabItem<T>[];
  /** The open tab; none when another view (first run, settings) is shown. */
  selected: T | undefined;
  onSelect: (value: T) => void;
  label: string;
}): React.ReactElement {
  const s = useStyles();
  const refs = React.useRef<(HTMLButtonElement | null)[]>([]);
  // the tab in the Tab order: the selected one, else the one last focused, else the first
  const [current, setCurrent] = React.useState<T>(selected ?? tabs[0].value);
  React.useEffect(() => {
    if (selected) setCurrent(selected);
  }, [selected]);
  const focusAt = (i: number) => {
    const n = tabs.length;
    const j = ((i % n) + n) % n;
    setCurrent(tabs[j].value);
    refs.current[j]?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      focusAt(moves[e.key]);
    }
  };
  return (
    <div role="tablist" aria-label={label} aria-orientation="horizontal" className={s.list} data-testid="tab-list">
      {tabs.map((tab, i) => {
        const isSelected = tab.value === selected;
        return (
          <button
            key={tab.value}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${tab.value}`}
            aria-controls={isSelected ? `panel-${tab.value}` : undefined}
            aria-selected={isSelected}
            tabIndex={tab.value === current ? 0 : -1}
            className={mergeClasses(s.tab, isSelected && s.selected)}
            onClick={() => onSelect(tab.value)}
            onFocus={() => setCurrent(tab.value)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
