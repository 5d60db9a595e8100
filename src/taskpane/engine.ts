/**
 * The heavy part of the pane's services: the checker (every rule, the narrative analysis)
 * and the template renderer. A chunk of its own in the browser (loaded by services.ts as the
 * pane starts), so the first scripts stay small.
 */
export { checkWorkbook, checkWorkbookAsync } from "../core/checks/engine";
export { planInsertion, renderTemplates } from "../core/templates";
export { RULES } from "../core/checks/rules";
