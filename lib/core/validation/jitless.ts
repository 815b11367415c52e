// zod 4 compiles object parsers with `new Function` when it may, and finds out by trying it
// once. Under the app's Content-Security-Policy (no 'unsafe-eval', next.config.js) that probe is
// a CSP violation in the browser. Client components that parse with zod import this module
// first: jitless parsing is what the browser would fall back to anyway.
import { z } from "zod";

z.config({ jitless: true });
