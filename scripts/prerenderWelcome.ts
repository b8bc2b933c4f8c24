/**
 * A Vite plugin for the browser build: puts the server-rendered welcome screen into index.html, so
 * the first screen paints with no JavaScript at all (the app then hydrates it), adds the notice
 * shown if the main script never starts (src/pwa/startNotice.ts), inlines the one stylesheet, and
 * writes `_headers`: the security headers for static hosts, with the page's final policy
 * (src/pwa/securityPolicy.ts).
 *
 * It edits index.html inside the bundle, before anything is written, so the service worker that
 * vite-plugin-pwa generates afterwards precaches the finished page. It needs the welcome screen's
 * server build first: `vite build --ssr src/ui/prerender.tsx` (see package.json), written to `ssrOutDir`.
 */
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Plugin, Rollup } from 'vite'
import { headersFile } from '../src/pwa/securityPolicy.ts'
import { startNoticeCss, startNoticeHtml } from '../src/pwa/startNotice.ts'

type OutputAsset = Rollup.OutputAsset

/** Where the server build is written: beside a separate ACHILLES_OUT_DIR build, so two builds can run at once. */
export const ssrOutDir = process.env.ACHILLES_OUT_DIR ? `${process.env.ACHILLES_OUT_DIR}-ssr` : 'build/ssr'
const ssrEntry = resolve(import.meta.dirname, '..', ssrOutDir, 'prerender.js')

export function prerenderWelcome(): Plugin {
  return {
    name: 'achilles:prerender-welcome',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_, bundle) {
      const page = bundle['index.html'] as OutputAsset | undefined
      if (!page) this.error('the bundle has no index.html')
      let html = String(page.source)
      if (!html.includes('<!--welcome-->')) this.error('index.html has no <!--welcome--> placeholder')
      html = html.replace('<!--welcome-->', await renderWelcome())
      if (!html.includes('<!--start-notice-->')) this.error('index.html has no <!--start-notice--> placeholder')
      html = html.replace('<!--start-notice-->', startNoticeHtml)

      // The stylesheet goes inline, so the first paint waits for no second request. The policy
      // allows exactly that stylesheet by its hash: still no 'unsafe-inline'. The file itself is
      // then not needed at all.
      const link = html.match(/<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)">/)
      if (!link) this.error('index.html links no stylesheet')
      const cssFile = bundle[link[1]] as OutputAsset
      const css = `${String(cssFile.source).trim()}\n${startNoticeCss}`
      const hash = createHash('sha256').update(css).digest('base64')
      html = html.replace(link[0], `<style>${css}</style>`).replace("style-src 'self'", `style-src 'self' 'sha256-${hash}'`)
      delete bundle[link[1]]

      // No prefetch of the wizard here: a request that starts before the first paint delays it on a
      // slow phone. The app loads the wizard itself once the page has loaded and is idle (src/ui/App.tsx).
      if (!Object.keys(bundle).some((f) => /^assets\/Wizard-.*\.js$/.test(f))) this.error('no Wizard chunk in the bundle')
      page.source = html

      // The same policy as a header, with what only a header can say, for hosts that read `_headers`.
      const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1]
      if (!policy) this.error('index.html has no Content-Security-Policy')
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(policy) })
    },
  }
}

async function renderWelcome(): Promise<string> {
  // The store reads localStorage when it is created; on the server there is none, so give it an empty one.
  const memory = new Map<string, string>()
  globalThis.localStorage ??= {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, String(v)),
    removeItem: (k: string) => void memory.delete(k),
    clear: () => memory.clear(),
    key: () => null,
    length: 0,
  }
  const { renderWelcome } = (await import(pathToFileURL(ssrEntry).href)) as { renderWelcome: () => string }
  return renderWelcome()
}
