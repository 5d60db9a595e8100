/**
 * The touch-target measure itself (test/browser/targets.ts), on small pages of known layout in
 * chromium: it must fail what WCAG 2.2 SC 2.5.8 fails and pass what it passes, or the checks of
 * the pane's views (firstRun, firstTenMinutes, review) would prove nothing.
 */
import type { Browser, Page } from "playwright-core";
import { launch } from "./browserHarness";
import { measureTargets } from "./targets";

async function on(browser: Browser, body: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 320, height: 400 } });
  await page.setContent(`<!doctype html><html><body style="margin:0;font:14px/20px sans-serif">${body}</body></html>`);
  return page;
}

const box = (id: string, style: string) => `<button data-testid="${id}" style="position:absolute;box-sizing:border-box;padding:0;border:0;margin:0;${style}">${id}</button>`;

describe("the 24 × 24 px target measure (WCAG 2.2 SC 2.5.8)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("passes a 24 × 24 target beside another, and a lone small one by the spacing exception", async () => {
    const page = await on(browser, box("a", "left:0;top:0;width:24px;height:24px") + box("b", "left:24px;top:0;width:24px;height:24px") + box("c", "left:100px;top:100px;width:16px;height:16px"));
    const r = await measureTargets(page);
    expect(r.checked).toBe(3);
    expect(r.failing).toEqual([]);
    expect(r.spaced).toEqual(["[c] c 16×16"]);
    await page.close();
  });

  it("fails small targets whose 24 px circles meet a neighbour or each other's circle", async () => {
    // d and e: 16 px high, 4 px apart (centres 20 px apart < 24); f: 16 px beside a big target 2 px away
    const page = await on(
      browser,
      box("d", "left:0;top:0;width:60px;height:16px") + box("e", "left:0;top:20px;width:60px;height:16px") + box("f", "left:200px;top:0;width:16px;height:16px") + box("g", "left:218px;top:0;width:40px;height:40px"),
    );
    const r = await measureTargets(page);
    expect(r.failing).toEqual([
      "[d] d 60×16: its 24 px circle meets [e] e",
      "[e] e 60×16: its 24 px circle meets [d] d",
      "[f] f 16×16: its 24 px circle meets [g] g",
    ]);
    await page.close();
  });

  it("counts checkboxes, radios, links and summaries; hidden ones are not measured", async () => {
    const page = await on(
      browser,
      `<input type="checkbox" data-testid="cb" style="position:absolute;left:0;top:0;width:13px;height:13px;margin:0">` +
        `<a href="#" data-testid="ln" style="position:absolute;left:200px;top:0;display:block;width:30px;height:24px">link</a>` +
        `<details style="position:absolute;left:0;top:16px;width:20px;overflow:hidden"><summary data-testid="sm" style="line-height:12px">more</summary></details>` +
        `<button hidden>no</button><div style="display:none"><button>no</button></div><button style="visibility:hidden">no</button>`,
    );
    const r = await measureTargets(page);
    expect(r.checked).toBe(3);
    // the checkbox (13 px) sits 3 px above the summary (12 px high): each one's circle meets the other; the link is 24 px
    expect(r.failing.map((f) => f.split(" ")[0]).sort()).toEqual(["[cb]", "[sm]"]);
    await page.close();
  });

  it("a target under the sticky bar at the bottom is no neighbour of the bar's small link", async () => {
    const content = Array.from({ length: 30 }, (_, i) => `<button style="display:block;height:30px;width:100%">row ${i}</button>`).join("");
    const page = await on(
      browser,
      `<main>${content}<div style="position:sticky;bottom:0;background:#fff;padding:8px 0"><a href="#" data-testid="bar-link" style="display:inline-block;width:14px;height:14px;font-size:10px;line-height:14px">go</a></div></main>`,
    );
    const r = await measureTargets(page);
    expect(r.failing).toEqual([]);
    expect(r.spaced).toEqual(["[bar-link] go 14×14"]);
    await page.close();
  });
});
