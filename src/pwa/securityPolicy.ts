/**
 * The Content-Security-Policy of the built app: only its own origin, no inline script, no eval,
 * no outside requests, and Trusted Types: no string ever becomes script or markup that runs,
 * except the service worker's own URL through one narrow policy (src/pwa/updates.ts). Set as a
 * <meta> tag in the built page (so any static host applies it) and, with the headers below, as
 * HTTP headers: `vite preview` sends them, and the build writes them to `_headers` for static
 * hosts (scripts/prerenderWelcome.ts; docs/deploy/README.md for other servers).
 */

/** The one Trusted Types policy the app creates: it turns the service worker's URL, and nothing else, into a script URL. */
export const SERVICE_WORKER_POLICY = 'achilles-sw'

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  `trusted-types ${SERVICE_WORKER_POLICY}`,
].join('; ')

/**
 * The policy as a header: the page's own policy (with the inline stylesheet's hash, added by the
 * prerender) plus what only a header can carry. No page, not even one on this same site, may
 * show the app in a frame: it could show a person's answers and trick them into deleting them.
 * (A <meta> tag cannot say this, and browsers warn when one tries, so it is a header only.)
 */
const headerPolicy = (pagePolicy: string) => `${pagePolicy}; frame-ancestors 'none'`

/**
 * Powerful features the app never uses, turned off for it and for anything it might ever load.
 * Only names Chromium knows: an unknown one is reported as an error in the console.
 */
const permissionsPolicy = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ')

/** Every response's security headers, the service worker's script included, for a page with this policy. */
export function securityHeaders(pagePolicy: string): Record<string, string> {
  return {
    'Content-Security-Policy': headerPolicy(pagePolicy),
    // For browsers that do not know frame-ancestors.
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': permissionsPolicy,
    'X-Content-Type-Options': 'nosniff',
  }
}

/** The headers as a `_headers` file, the format Netlify and Cloudflare Pages read: one rule for every path. */
export const headersFile = (pagePolicy: string) =>
  `# Written by the build from the page's own policy (src/pwa/securityPolicy.ts): edit that, not this.\n/*\n${Object.entries(
    securityHeaders(pagePolicy),
  )
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n')}\n`

/** Reads a `_headers` file back: the headers of its `/*` rule. */
export function readHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {}
  let inRule = false
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue
    if (!/^\s/.test(line)) inRule = line.trim() === '/*'
    else if (inRule) {
      const at = line.indexOf(':')
      headers[line.slice(0, at).trim()] = line.slice(at + 1).trim()
    }
  }
  return headers
}
