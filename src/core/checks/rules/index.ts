/**
 * The rule registry: every rule the checker runs. Add a rule with one import line and
 * one entry in RULES.
 */
import type { Rule } from "../types";
import { balanceRule } from "./balance";
import { columnsRule } from "./columns";
import { hierarchyRule } from "./hierarchy";
import { recognitionRule } from "./recognition";
import { totalRowRule } from "./total-row";
import { percentRule } from "./percent";
import { narrativeRule } from "./narrative";
import { crossTableRule } from "./cross-table";
import { namesRule } from "./names";
import { completenessRule } from "./completeness";
import { yearOverYearRule } from "./year-over-year";
import { yearColumnsRule } from "./year-columns";

export const RULES: Rule[] = [
  totalRowRule,
  hierarchyRule,
  columnsRule,
  balanceRule,
  recognitionRule,
  percentRule,
  narrativeRule,
  crossTableRule,
  namesRule,
  completenessRule,
  yearOverYearRule,
  yearColumnsRule,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
