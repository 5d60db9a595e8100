/**
 * What this Excel can do, asked at run time (Office.context.requirements.isSetSupported), so
 * the manifest requires only what the core needs and the optional parts are switched off,
 * with a note, where the Excel lacks them. The README's "Excel versions" table says which
 * Excel versions and platforms have which set.
 *
 *   read           ExcelApi 1.13  used range, values/formulas/number formats/value types and merged areas (Range.getMergedAreasOrNullObject)
 *   write          ExcelApi 1.9   inserting tables, filling names, drafts: values, formats, indent (RangeFormat.indentLevel), merges, frozen rows
 *   printSetup     ExcelApi 1.9   page layout of inserted tables (Worksheet.pageLayout)
 *   sharedRuntime  SharedRuntime 1.1  pane, ribbon button and custom function in one runtime (the function sees imported catalog editions)
 *   customFunction CustomFunctionsRuntime 1.1  =BUDGET.科目名称 / =BUDGET.NAME
 *   ribbon         AddinCommands 1.1  the 预算表格助手 button on the Home tab
 */

/** The part of Office.context.requirements this module uses (a stub in tests). */
export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export type Feature = "read" | "write" | "printSetup" | "sharedRuntime" | "customFunction" | "ribbon";

export interface FeatureRequirement {
  set: string;
  version: string;
}

/** The requirement set each feature needs (the README table uses the same list). */
export const FEATURE_REQUIREMENTS: Readonly<Record<Feature, FeatureRequirement>> = {
  read: { set: "ExcelApi", version: "1.13" },
  write: { set: "ExcelApi", version: "1.9" },
  printSetup: { set: "ExcelApi", version: "1.9" },
  sharedRuntime: { set: "SharedRuntime", version: "1.1" },
  customFunction: { set: "CustomFunctionsRuntime", version: "1.1" },
  ribbon: { set: "AddinCommands", version: "1.1" },
};

/** The ExcelApi versions probed for the highest one supported. */
const EXCEL_API_VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);

export interface Capabilities {
  /** Where the answers came from: Excel's own requirements, or no Office (a browser, the tests: the in-memory host can do everything but the function and the ribbon). */
  source: "office" | "none";
  /** The highest ExcelApi 1.x this Excel supports, or null (not Excel, or not even 1.1). */
  excelApi: string | null;
  has: Readonly<Record<Feature, boolean>>;
}

function safe(req: Requirements, set: string, version: string): boolean {
  try {
    return req.isSetSupported(set, version) === true;
  } catch {
    return false; // an old Office without the set's name: not supported
  }
}

/** Ask Excel (or the given stub) which features it supports. */
export function detectCapabilities(requirements: Requirements | null | undefined = officeRequirements()): Capabilities {
  if (!requirements) {
    return { source: "none", excelApi: null, has: { read: true, write: true, printSetup: true, sharedRuntime: false, customFunction: false, ribbon: false } };
  }
  let excelApi: string | null = null;
  for (const v of EXCEL_API_VERSIONS) {
    if (!safe(requirements, "ExcelApi", v)) break;
    excelApi = v;
  }
  const has = Object.fromEntries(
    (Object.entries(FEATURE_REQUIREMENTS) as [Feature, FeatureRequirement][]).map(([f, r]) => [f, safe(requirements, r.set, r.version)]),
  ) as Record<Feature, boolean>;
  return { source: "office", excelApi, has };
}

function officeRequirements(): Requirements | null {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements ? Office.context.requirements : null;
  } catch {
    return null;
  }
}

const NAMES: Record<Feature, { zh: string; en: string }> = {
  read: { zh: "读取工作簿", en: "Reading the workbook" },
  write: { zh: "插入模板、填充名称和写入草稿", en: "Inserting tables, filling names and writing drafts" },
  printSetup: { zh: "插入表的打印设置", en: "Print setup of inserted tables" },
  sharedRuntime: { zh: "任务窗格与公式共享已导入的科目版本", en: "The formula using the catalog editions imported in the pane" },
  customFunction: { zh: "公式 =BUDGET.科目名称", en: "The formula =BUDGET.NAME" },
  ribbon: { zh: "“开始”选项卡上的按钮", en: "The button on the Home tab" },
};

/** The feature's name as the pane lists it (settings: "此 Excel 支持的功能"). */
export function featureName(feature: Feature, lang: "zh-CN" | "en-US"): string {
  return lang === "zh-CN" ? NAMES[feature].zh : NAMES[feature].en;
}

/** Every feature, in the order the settings list shows them. */
export const FEATURES: readonly Feature[] = ["read", "write", "printSetup", "customFunction", "sharedRuntime", "ribbon"];

/**
 * The note the pane shows beside a feature this Excel lacks ("需要 ExcelApi 1.9 …"), or null
 * when the feature is there.
 */
export function featureNote(caps: Capabilities, feature: Feature, lang: "zh-CN" | "en-US"): string | null {
  if (caps.has[feature]) return null;
  const { set, version } = FEATURE_REQUIREMENTS[feature];
  const name = NAMES[feature];
  return lang === "zh-CN"
    ? `此版本的 Excel 不支持${name.zh}（需要 ${set} ${version}）。请更新 Office，或使用 Microsoft 365 / Excel 网页版。`
    : `${name.en} needs ${set} ${version}, which this version of Excel does not have. Update Office, or use Microsoft 365 or Excel on the web.`;
}
