import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { checkContent } from './src/content/checkContent.ts'
import { buildDefines } from './scripts/buildInfo.ts'
import { prerenderWelcome, ssrOutDir } from './scripts/prerenderWelcome.ts'
import { readContent } from './scripts/readContent.ts'
import { checkoutRulesDir, rulesDir } from './scripts/rulesDir.ts'
import { contentSecurityPolicy, readHeadersFile, securityHeaders } from './src/pwa/securityPolicy.ts'

/** Fails the build (and the dev server) when anything in rules/ breaks the schema or a reference. */
function checkRules(): Plugin {
  return {
    name: 'achilles:check-rules',
    buildStart() {
      const problems = checkContent(readContent())
      if (problems.length) this.error(`rules/ has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`)
    },
  }
}

/**
 * Builds from the copy of the rules that ACHILLES_RULES_DIR names (scripts/rulesDir.ts): each rules
 * file the app imports is read from the copy instead. The copy may change what the files say, not
 * which files there are (the recommendations are found by a glob over rules/). The prerendered
 * welcome screen comes from the server build (`npm run build`), made from rules/: a copy that
 * changes the welcome screen's warning signs needs that build made from it too.
 */
function rulesFromCopy(dir: string): Plugin {
  let read = 0
  return {
    name: 'achilles:rules-from-copy',
    enforce: 'pre',
    load(id) {
      const path = id.split('?')[0]
      if (!path.startsWith(checkoutRulesDir + sep)) return null
      read++
      return readFileSync(join(dir, relative(checkoutRulesDir, path)), 'utf8')
    },
    buildEnd(error) {
      // Silently building from rules/ instead would deploy the wrong questions.
      if (!error && read === 0) this.error(`ACHILLES_RULES_DIR is ${dir}, but no rules file was read from it`)
    },
  }
}

/** The strict policy goes into the built page only: the dev server needs inline scripts for hot reload. */
function securityPolicy(): Plugin {
  return {
    name: 'achilles:csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`),
  }
}

/**
 * `vite preview` sends the headers a real host should send (src/pwa/securityPolicy.ts): the ones
 * the build wrote to `_headers` from the built page's own policy, which carries the inline
 * stylesheet's hash. They are read when the preview server starts.
 */
function builtHeaders(outDir: string): Record<string, string> {
  const file = `${outDir}/_headers`
  return existsSync(file) ? readHeadersFile(readFileSync(file, 'utf8')) : securityHeaders(contentSecurityPolicy)
}

/**
 * Each precached file's integrity (SHA-384, as in subresource integrity), read from the built file.
 * Workbox fetches the file with it when it installs or repairs the cache, and src/pwa/sw.ts checks
 * each cached copy against it before use, so a damaged copy is fetched again instead of run.
 */
const withIntegrity = (outDir: string) => async (entries: { url: string; size: number; revision: string | null }[]) => ({
  manifest: entries.map((entry) => {
    const file = resolve(outDir, entry.url)
    if (!existsSync(file)) return entry
    return { ...entry, integrity: `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}` }
  }),
  warnings: [],
})

/**
 * The installable, offline app. Every file the app needs is precached on the first visit, so after
 * that it opens, runs the whole check and prints with no network. Updates wait for the person:
 * a new version is announced (src/pwa/updates.ts) and takes over only when they choose.
 */
const pwa = (outDir: string) =>
  VitePWA({
    registerType: 'prompt',
    // Our own small service worker (src/pwa/sw.ts): Workbox's precache, plus a check of each cached file.
    strategies: 'injectManifest',
    srcDir: 'src/pwa',
    filename: 'sw.ts',
    // Registered from src/pwa/updates.ts after the page has loaded: no inline script, nothing on the first screen's path.
    injectRegister: false,
    // The icons are already matched by globPatterns; listing them twice would precache them twice.
    includeManifestIcons: false,
    manifest: {
      id: '/',
      name: 'Achilles Self-Check',
      short_name: 'Heel check',
      description:
        'A private check for Achilles and back-of-heel pain: warning signs first, then one article’s general suggestions. Not a diagnosis. Your answers stay on your device.',
      lang: 'en-GB',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#0f4c5c',
      background_color: '#f8fafc',
      icons: [
        { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    injectManifest: {
      // `_headers` (no extension) is for the host, not the app: it is not precached.
      globPatterns: ['**/*.{js,html,svg,png,txt}'],
      manifestTransforms: [withIntegrity(outDir)],
      // One classic script with Workbox inside: no importScripts, which Trusted Types would have to allow.
      rollupFormat: 'iife',
    },
  })

export default defineConfig(({ isSsrBuild }) => {
  const outDir = process.env.ACHILLES_OUT_DIR ?? 'dist'
  return {
    // The welcome screen's server build (isSsrBuild) only feeds the prerender: no PWA, no prerender of its own.
    plugins: [...(rulesDir === checkoutRulesDir ? [] : [rulesFromCopy(rulesDir)]), checkRules(), react(), tailwindcss(), securityPolicy(), ...(isSsrBuild ? [] : [prerenderWelcome(), pwa(outDir)])],
    define: buildDefines(),
    // The manifest tells the size check which chunks the first screen loads (scripts/firstScreen.mjs).
    build: { target: 'es2022', sourcemap: false, outDir: isSsrBuild ? ssrOutDir : outDir, manifest: !isSsrBuild },
    preview: { headers: builtHeaders(outDir) },
  }
})
