export * from "./findings";
export * from "./reportSheet";
export * from "./detected";
