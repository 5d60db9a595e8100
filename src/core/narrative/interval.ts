/**
 * Interval arithmetic for printed figures lives with the rest of the rounding model in
 * src/core/checks/rounding.ts; this module only re-exports it for the narrative code.
 */
export { add, div, exact, figure, fmt, fmtAs, halfUnit, mid, neg, overlaps, scale, sub, type Interval } from "../checks/rounding";
