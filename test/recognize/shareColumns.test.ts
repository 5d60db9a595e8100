import * as path from "path";
import { recognizeWorkbook } from "../../src/core/recognize";
import { readXlsxFile } from "../../src/hosts/xlsx/xlsxHost";

test("占比 columns are recognised facts: 武汉's 单位总体资金情况, lines grouped up to each 合计 line", async () => {
  const wb = await readXlsxFile(path.join(__dirname, "..", "fixtures", "seeds", "wuhan-2024.xlsx"));
  const groups = recognizeWorkbook(wb).shareColumns ?? [];
  // 收入构成 (财政拨款 1209.02, 100%) and 支出构成 (three kinds, each 100%), each closed by its 合计 1209.02
  expect(groups.map((g) => [g.sheet, g.lines.map((l) => [l.amount.value, l.pct.value]), g.total.amount.value])).toEqual([
    ["整体支出绩效目标表", [[1209.02, 100]], 1209.02],
    ["整体支出绩效目标表", [[763.41, 100], [61.85, 100], [383.76, 100]], 1209.02],
  ]);
});
