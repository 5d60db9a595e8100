/**
 * Overlays (imported editions) as JSON, so the add-in can keep them between sessions.
 */
import { levelOfCode, parentOfCode } from "./code";
import { CATALOG_KINDS, type CatalogKind, type CatalogOverlay } from "./types";

const FORMAT = "budget-tables/catalog-overlay";
const VERSION = 1;

/** JSON text for one overlay or several. */
export function serializeOverlay(overlay: CatalogOverlay | readonly CatalogOverlay[]): string {
  const list = Array.isArray(overlay) ? overlay : [overlay as CatalogOverlay];
  return JSON.stringify({ format: FORMAT, version: VERSION, overlays: list });
}

export class OverlayFormatError extends Error {}

/**
 * Overlays from JSON written by serializeOverlay. Checks the shape (kind, year, codes, levels,
 * parents) and throws OverlayFormatError with a Chinese message for anything else.
 */
export function parseOverlay(json: string): CatalogOverlay[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new OverlayFormatError("科目版本数据不是有效的 JSON");
  }
  const d = data as { format?: unknown; version?: unknown; overlays?: unknown };
  if (!d || d.format !== FORMAT || !Array.isArray(d.overlays)) throw new OverlayFormatError("不是导入的科目版本数据");
  if (d.version !== VERSION) throw new OverlayFormatError(`不支持的科目版本数据格式版本：${String(d.version)}`);
  return d.overlays.map((o: unknown, i: number) => {
    const ov = o as Partial<CatalogOverlay>;
    if (!ov || !CATALOG_KINDS.includes(ov.kind as CatalogKind)) throw new OverlayFormatError(`第 ${i + 1} 个版本：科目类别无效`);
    if (typeof ov.year !== "number" || !Number.isInteger(ov.year)) throw new OverlayFormatError(`第 ${i + 1} 个版本：年度无效`);
    if (!Array.isArray(ov.entries) || ov.entries.length === 0) throw new OverlayFormatError(`第 ${i + 1} 个版本：没有科目`);
    const entries = ov.entries.map((e) => {
      if (!e || typeof e.code !== "string" || typeof e.name !== "string" || !e.name) throw new OverlayFormatError(`第 ${i + 1} 个版本：科目数据无效`);
      const level = levelOfCode(e.code);
      if (!/^\d+$/.test(e.code) || !level || e.level !== level || e.parent !== parentOfCode(e.code))
        throw new OverlayFormatError(`第 ${i + 1} 个版本：科目 ${e.code} 的级次或上级编码无效`);
      return { code: e.code, name: e.name, level, parent: e.parent };
    });
    const out: CatalogOverlay = { kind: ov.kind as CatalogKind, year: ov.year, entries };
    if (typeof ov.source === "string") out.source = ov.source;
    if (typeof ov.importedAt === "string") out.importedAt = ov.importedAt;
    return out;
  });
}
