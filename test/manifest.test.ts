/**
 * Offline manifest validation. The official `office-addin-manifest validate` sends the
 * manifest to an online service that cannot be reached here, so we use the part of the
 * official tooling that works offline (OfficeAddinManifest.readManifestFile parses it the
 * way the tooling does) and check the schema's rules that matter for this add-in ourselves.
 */
import * as fs from "fs";
import * as path from "path";
import { OfficeAddinManifest } from "office-addin-manifest";

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const xml = fs.readFileSync(MANIFEST, "utf8");

function all(re: RegExp): RegExpExecArray[] {
  return [...xml.matchAll(new RegExp(re.source, "g"))];
}

describe("manifest.xml", () => {
  it("is read by the official tooling as an Excel task pane add-in with zh-CN default", async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info.manifestType).toBe("xml");
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.defaultLocale).toBe("zh-CN");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.displayName).toBe("预算公开表格助手");
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("keeps the schema's element order in OfficeApp", () => {
    const order = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
    const positions = order.map((tag) => xml.indexOf(`<${tag}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("has an en-US override for every localised string", () => {
    const strings = all(/<(?:DisplayName|Description|bt:String)[^>]*DefaultValue="[^"]*"\s*>([\s\S]*?)<\/(?:DisplayName|Description|bt:String)>/);
    expect(strings.length).toBeGreaterThanOrEqual(7);
    for (const m of strings) expect(m[1]).toMatch(/Locale="en-US"/);
    for (const m of all(/<bt:String id="[^"]+" DefaultValue="([^"]*)"/)) expect(m[1].length).toBeGreaterThan(0);
  });

  it("references only resources it defines, within the schema's length limits", () => {
    const defined = new Set(all(/<bt:(?:Image|Url|String) id="([^"]+)"/).map((m) => m[1]));
    const used = all(/resid="([^"]+)"/).map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined).toContain(id);
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
    for (const m of all(/<bt:ShortStrings>[\s\S]*?<\/bt:ShortStrings>/)) {
      for (const v of m[0].matchAll(/(?:DefaultValue|Value)="([^"]*)"/g)) expect(v[1].length).toBeLessThanOrEqual(125);
    }
  });

  it("puts a button on the Home tab that opens the task pane, with icons that exist", () => {
    expect(xml).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Control xsi:type="Button"[\s\S]*<Action xsi:type="ShowTaskpane">/);
    for (const m of all(/https:\/\/localhost:3000\/assets\/(icon-\d+\.png)/)) {
      const file = path.join(ROOT, "assets", m[1]);
      expect(fs.existsSync(file)).toBe(true);
      const size = Number(/icon-(\d+)/.exec(m[1])![1]);
      const png = fs.readFileSync(file);
      expect(png.readUInt32BE(16)).toBe(size); // PNG width
    }
    for (const m of all(/(?:DefaultValue|>)(https?:\/\/[^"<]+)/)) expect(m[1]).toMatch(/^https:\/\//);
  });
});
