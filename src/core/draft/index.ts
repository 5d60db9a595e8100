export * from "./types";
export { writeDraft, type DraftOptions } from "./write";
export { largestRemainder, compare, roundTo, type Amount, type Comparison } from "./numbers";
export { renderText, renderNotes, renderTrace, draftSheet, draftLines, paragraphText } from "./render";
export { planDraftInsertion, canUndoDraft, DRAFT_SHEET_NAME, stripNarrative, type DraftInsertion } from "./workflow";
