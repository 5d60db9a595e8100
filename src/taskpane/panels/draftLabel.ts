/** The 起草说明 tab's label, apart from the panel: the panel (and the draft writer) is a chunk loaded when the tab is first opened. */
import { STRINGS, type Strings } from "../i18n";

export function draftTabLabel(t: Strings): string {
  return t === STRINGS["en-US"] ? "Draft text" : "起草说明";
}
