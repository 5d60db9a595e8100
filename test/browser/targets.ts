/**
 * Touch targets of the pane (WCAG 2.2 SC 2.5.8 Target Size (Minimum), level AA), measured in the
 * browser as laid out: every button, link, tab, summary, form control and ARIA widget shown on
 * the page is at least 24 × 24 CSS px — or, the SC's spacing exception, it is undersized but a
 * 24 px circle centred on its bounding box intersects no other target and no other undersized
 * target's circle. (The inline exception — a link inside a sentence — is not used: the pane's
 * links that stand in text are 24 px high.)
 */
import type { Page } from "playwright-core";

/** What counts as a target: what a pointer can activate. Labels go with their control. */
export const TARGET_SELECTOR = [
  "button",
  "a[href]",
  "summary",
  "select",
  "textarea",
  "input:not([type=hidden])",
  "[role=button]",
  "[role=link]",
  "[role=tab]",
  "[role=checkbox]",
  "[role=radio]",
  "[role=switch]",
  "[role=option]",
  "[role=menuitem]",
].join(", ");

export interface TargetReport {
  /** Targets measured (shown on the page). */
  checked: number;
  /** Undersized targets that pass by the spacing exception: "text W×H". */
  spaced: string[];
  /** Targets that fail: "text W×H: why". */
  failing: string[];
}

/** Measure every target shown inside `scope` (default the whole page) against SC 2.5.8. */
export async function measureTargets(page: Page, scope = "body"): Promise<TargetReport> {
  return page.evaluate(
    ({ selector, scope }) => {
      const MIN = 24;
      const R = MIN / 2;
      const root = document.querySelector(scope) ?? document.body;
      const shown = (el: Element): DOMRect | null => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return null;
        const cs = getComputedStyle(el);
        if (cs.visibility === "hidden" || cs.pointerEvents === "none") return null;
        if (el.closest("[hidden], [inert]")) return null;
        return r;
      };
      // every target on the page (the neighbours a circle must not touch), then those in scope
      const all = Array.from(document.querySelectorAll(selector))
        .map((el) => ({ el, r: shown(el) }))
        .filter((x): x is { el: Element; r: DOMRect } => x.r !== null)
        // page coordinates: the same whatever the scroll position
        .map(({ el, r }) => ({ el, x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: r.height }));
      // What stays in view over the content (the sticky ActionBar): a target under it, at this
      // scroll position, cannot be hit there, so only its uncovered part is a neighbour.
      const covers = Array.from(root.ownerDocument.querySelectorAll("body *"))
        .filter((el) => {
          const p = getComputedStyle(el).position;
          return (p === "sticky" || p === "fixed") && shown(el) !== null;
        })
        .map((el) => {
          const r = el.getBoundingClientRect();
          return { el, x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: r.height };
        });
      const uncovered = (t: (typeof all)[number]): (typeof all)[number] | null => {
        let { y, h } = t;
        for (const c of covers) {
          if (c.el.contains(t.el)) continue;
          if (c.x > t.x || c.x + c.w < t.x + t.w) continue; // not across the whole target
          const [top, bottom] = [Math.max(y, c.y), Math.min(y + h, c.y + c.h)];
          if (bottom <= top) continue; // no overlap
          if (c.y <= y) {
            h = y + h - Math.max(y, c.y + c.h);
            y = c.y + c.h;
          } else h = c.y - y;
          if (h <= 0) return null;
        }
        return { ...t, y, h };
      };
      const name = (el: Element) => {
        const label = el.getAttribute("aria-label") || (el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || el.getAttribute("title") || el.tagName.toLowerCase();
        const id = el.getAttribute("data-testid");
        return `${id ? `[${id}] ` : ""}${label.trim().replace(/\s+/g, " ").slice(0, 30)}`;
      };
      // one control counted once: a target inside another (a Fluent Checkbox's input in its role=checkbox root…) is the same target
      const related = (a: Element, b: Element) => a === b || a.contains(b) || b.contains(a) || (a as HTMLInputElement).labels?.[0]?.contains(b) || (b as HTMLInputElement).labels?.[0]?.contains(a);
      const small = (t: (typeof all)[number]) => t.w < MIN - 0.01 || t.h < MIN - 0.01;
      const centre = (t: (typeof all)[number]) => ({ cx: t.x + t.w / 2, cy: t.y + t.h / 2 });
      const circleHitsRect = (cx: number, cy: number, t: (typeof all)[number]) => {
        const dx = Math.max(t.x - cx, 0, cx - (t.x + t.w));
        const dy = Math.max(t.y - cy, 0, cy - (t.y + t.h));
        return dx * dx + dy * dy < R * R - 0.01;
      };
      const report = { checked: 0, spaced: [] as string[], failing: [] as string[] };
      for (const t of all) {
        if (!root.contains(t.el)) continue;
        report.checked++;
        if (!small(t)) continue;
        const size = `${Math.round(t.w)}×${Math.round(t.h)}`;
        // under the sticky bar at this scroll position: judged where it can be hit (its uncovered part)
        const seen = uncovered(t);
        if (!seen) continue;
        const { cx, cy } = centre(seen);
        const hit = all.find((whole) => {
          if (related(whole.el, t.el)) return false;
          const o = uncovered(whole);
          if (!o) return false;
          if (circleHitsRect(cx, cy, o)) return true;
          if (!small(o)) return false;
          const c = centre(o);
          return Math.hypot(c.cx - cx, c.cy - cy) < MIN - 0.01; // the two circles intersect
        });
        if (hit) report.failing.push(`${name(t.el)} ${size}: its 24 px circle meets ${name(hit.el)}`);
        else report.spaced.push(`${name(t.el)} ${size}`);
      }
      return report;
    },
    { selector: TARGET_SELECTOR, scope },
  );
}

/**
 * The failing targets of a view, each prefixed with the view's name (an empty list passes), after
 * checking that the measure saw something: a view with fewer than `atLeast` targets is itself a failure.
 */
export async function smallTargets(page: Page, view: string, atLeast = 1, scope = "body"): Promise<string[]> {
  const r = await measureTargets(page, scope);
  const out = r.failing.map((f) => `${view}: ${f}`);
  if (r.checked < atLeast) out.push(`${view}: only ${r.checked} targets measured (expected at least ${atLeast})`);
  return out;
}
