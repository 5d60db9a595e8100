/**
 * Node (jest): the engine (./engine.ts) is there synchronously. The web build swaps this
 * module for ./engineSync.browser (webpack.config.js): there the engine is a chunk of its
 * own that services.ts loads as the pane starts.
 */
import * as engine from "./engine";

export type Engine = typeof engine;

export function bundledEngine(): Engine | null {
  return engine;
}
