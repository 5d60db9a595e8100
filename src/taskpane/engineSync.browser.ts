/** Browser build: the engine is not in the first scripts; services.ts loadServices() brings it. */
import type { Engine } from "./engineSync";

export function bundledEngine(): Engine | null {
  return null;
}
