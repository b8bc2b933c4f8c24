/**
 * The Content-Security-Policy of the built app: only its own origin, no inline script, no eval,
 * no outside requests. Set as a <meta> tag in the built page (so any static host applies it) and
 * as a header by `vite preview`, which the browser tests use.
 */
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
].join('; ')
