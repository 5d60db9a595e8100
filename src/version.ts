/**
 * The add-in's version (package.json's), for the task pane's settings. Only the version field
 * is read; webpack keeps just that field of package.json in the bundle.
 */
import pkg from "../package.json";

export const VERSION: string = (pkg as { version?: string }).version ?? "unknown";
