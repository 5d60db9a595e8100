/** jsdom has no TextDecoder / TextEncoder (browsers and Node do): Node's, for modules that make one at load. */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";

const g = globalThis as unknown as { TextDecoder?: unknown; TextEncoder?: unknown };
if (typeof g.TextDecoder === "undefined") g.TextDecoder = NodeTextDecoder;
if (typeof g.TextEncoder === "undefined") g.TextEncoder = NodeTextEncoder;
