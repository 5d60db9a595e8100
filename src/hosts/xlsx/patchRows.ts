/**
 * Rows inserted into a user's workbook package (fill-names --add-parents).
 */
import type { RowBlock } from "../../core/changes";
import { HostError } from "../host";
import type { Package } from "./patch";

export async function insertRowsInPackage(_pkg: Package, blocks: RowBlock[]): Promise<void> {
  const sheets = [...new Set(blocks.map((b) => b.sheet))];
  throw new HostError(`在工作表“${sheets.join("”“")}”中插入上级科目行时，暂不能在原文件中移动其后的公式、合并区域等，未写入。可不加 --add-parents 运行，再在 Excel 中手工插入。`, "other");
}
