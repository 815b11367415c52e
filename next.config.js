// @ts-check

// Security headers on every response (issue 11). The app loads nothing from another origin,
// so every fetch directive is 'self'.
//
// Scripts: 'unsafe-inline' rather than nonces. Next inlines its bootstrap and RSC payload as
// <script> tags; a nonce policy must be generated per request in proxy.ts and makes every page
// depend on that request header (Next's own CSP guide: nonces force dynamic rendering, and any
// page rendered without the header loses its scripts). What 'unsafe-inline' would let through
// is injected markup, and the app renders none it did not sanitise: note HTML goes through
// rehype-sanitize, note lines and lint messages are React text. Nonces (or Next's experimental
// SRI hashes) are the next step if the app ever renders foreign HTML. What the policy does
// enforce is everything else: no external script, style, image, font or connection,
// no plugins (object-src), no <base> hijack, forms post only here, no framing (clickjacking).
//
// Development: React's dev build uses eval() to rebuild server error stacks, and HMR talks over
// a WebSocket to the dev server; both are allowed only under `next dev`.
const isDevelopment = process.env.NODE_ENV === "development";

const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDevelopment ? " 'unsafe-eval'" : ""}`,
  // Tailwind is a stylesheet, but React style={} attributes and Next's route announcer are inline.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDevelopment ? " ws: wss:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Not "no-referrer": with it, browsers send `Origin: null` on same-origin POSTs, which the
  // edge's CSRF check (lib/server/http.ts) refuses. "same-origin" keeps the learner's note paths
  // away from the AWS documentation they follow links to.
  { key: "Referrer-Policy", value: "same-origin" },
  // frame-ancestors supersedes this where CSP is supported; older browsers read this one.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server components read the database on every request; nothing is prerendered from it.
  serverExternalPackages: ["better-sqlite3", "pg", "@open-spaced-repetition/binding"],
  typedRoutes: false,
  poweredByHeader: false,
  // Separate build folders let tests and parallel dev servers build without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  async headers() {
    return [{ source: "/(.*)", headers: securityHeaders }];
  },
};
export default nextConfig;
