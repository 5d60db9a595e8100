/** @jest-environment jsdom */
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SEVERITIES, SEVERITY_BADGE_COLOR, SeverityIcon, severityLabel, severityName, useSeverityClasses } from "../../src/taskpane/severity";
import { STRINGS } from "../../src/taskpane/i18n";
import type { Severity } from "../../src/core/checks/types";

function Edges({ onClasses }: { onClasses: (c: ReturnType<typeof useSeverityClasses>) => void }) {
  onClasses(useSeverityClasses());
  return null;
}

describe("severity styles", () => {
  it("names each severity and draws a different shape for each, labelled for screen readers", () => {
    const t = STRINGS["zh-CN"];
    render(
      <FluentProvider theme={webLightTheme}>
        {SEVERITIES.map((s) => (
          <SeverityIcon key={s} severity={s} t={t} />
        ))}
        <SeverityIcon severity="error" t={t} decorative />
      </FluentProvider>,
    );
    const icons = screen.getAllByRole("img");
    expect(icons.map((x) => x.getAttribute("aria-label"))).toEqual(["错误", "警告", "提示"]);
    const shapes = icons.map((x) => x.innerHTML);
    expect(new Set(shapes).size).toBe(3);
    const decorative = document.querySelectorAll('svg[aria-hidden="true"]');
    expect(decorative).toHaveLength(1);
    expect(SEVERITIES.map((s) => severityLabel(s, STRINGS["en-US"]))).toEqual(["Errors", "Warnings", "Info"]);
    expect(SEVERITIES.map((s) => severityName(s, STRINGS["en-US"]))).toEqual(["Error", "Warning", "Info"]);
    expect(SEVERITY_BADGE_COLOR.error).toBe("danger");
  });

  it("gives each severity its own edge and text classes, with forced-colors rules in the style sheet", () => {
    let classes: ReturnType<typeof useSeverityClasses> | null = null;
    render(
      <FluentProvider theme={webLightTheme}>
        <Edges onClasses={(c) => (classes = c)} />
      </FluentProvider>,
    );
    const c = classes as unknown as ReturnType<typeof useSeverityClasses>;
    const edges = (["error", "warning", "info"] as Severity[]).map((s) => c.edge[s]);
    expect(new Set(edges).size).toBe(3);
    const css = [...document.querySelectorAll("style")].map((s) => s.textContent ?? "").join("\n") + [...document.styleSheets].flatMap((sh) => [...sh.cssRules].map((r) => r.cssText)).join("\n");
    expect(css).toMatch(/forced-colors:\s*active/);
    expect(css).toMatch(/dashed/);
    expect(css).toMatch(/dotted/);
  });
});
