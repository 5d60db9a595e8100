export * from "./render";
export * from "./insert";
export { expenseClassLines, nearestSpecYear, cnNumber, type ClassLine } from "./classes";
