import * as fs from "fs";
import * as path from "path";
import { budgetName } from "../src/functions/functions";

const ROOT = path.join(__dirname, "..");

describe("custom function BUDGET.科目名称 / BUDGET.NAME", () => {
  it("returns the official name for codes in the forms users type", () => {
    expect(budgetName(2080101, 2024)).toBe("行政运行");
    expect(budgetName("208 01 50", 2024)).toBe("事业运行");
    expect(budgetName("２１０１１０２", 2024)).toBe("事业单位医疗");
    expect(budgetName(30101)).toBe("基本工资");
    expect(budgetName("9999999", 2024)).toBe("#未知科目编码 9999999");
  });

  it("is declared in metadata with a Chinese default name and an English override", () => {
    const zh = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/functions.zh-CN.json"), "utf8")).functions[0];
    const en = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/functions.en-US.json"), "utf8")).functions[0];
    expect(zh.id).toBe("NAME");
    expect(en.id).toBe("NAME");
    expect(zh.name).toBe("科目名称");
    expect(en.name).toBe("NAME");
    for (const f of [zh, en]) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      expect(f.name).toMatch(/^\p{L}[\p{L}_.]{2,}$/u);
      expect(f.parameters.map((p: { optional?: boolean }) => !!p.optional)).toEqual([false, true]);
    }
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<ExtensionPoint xsi:type="CustomFunctions">[\s\S]*<Namespace resid="Functions.Namespace"\/>/);
    expect(manifest).toMatch(/<FunctionFile resid="Taskpane.Url"\/>/);
  });
});
