/**
 * A Vite plugin for the browser build: puts the server-rendered welcome screen into index.html, so
 * the first screen paints with no JavaScript at all (the app then hydrates it), inlines the one
 * stylesheet, and asks the browser to prefetch the wizard's chunk while idle.
 *
 * It edits index.html inside the bundle, before anything is written, so the service worker that
 * vite-plugin-pwa generates afterwards precaches the finished page. It needs the welcome screen's
 * server build first: `vite build --ssr src/ui/prerender.tsx --outDir build/ssr` (see package.json).
 */
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Plugin, Rollup } from 'vite'

type OutputAsset = Rollup.OutputAsset

const ssrEntry = resolve(import.meta.dirname, '../build/ssr/prerender.js')

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

      // The stylesheet goes inline, so the first paint waits for no second request. The policy
      // allows exactly that stylesheet by its hash: still no 'unsafe-inline'. The file itself is
      // then not needed at all.
      const link = html.match(/<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)">/)
      if (!link) this.error('index.html links no stylesheet')
      const cssFile = bundle[link[1]] as OutputAsset
      const css = String(cssFile.source).trim()
      const hash = createHash('sha256').update(css).digest('base64')
      html = html.replace(link[0], `<style>${css}</style>`).replace("style-src 'self'", `style-src 'self' 'sha256-${hash}'`)
      delete bundle[link[1]]

      // Let the browser fetch the wizard's chunk, and the chunks it needs (the flow), while idle;
      // they run when the person starts (src/ui/App.tsx). Chunks the page already loads are left out.
      const wizard = Object.keys(bundle).find((f) => /^assets\/Wizard-.*\.js$/.test(f))
      if (!wizard) this.error('no Wizard chunk in the bundle')
      const chunk = bundle[wizard] as Rollup.OutputChunk
      const wanted = [wizard, ...chunk.imports].filter((f) => !html.includes(`/${f}"`))
      const links = wanted.map((f) => `  <link rel="prefetch" href="/${f}" as="script" crossorigin>\n`).join('')
      html = html.replace('</head>', `${links}  </head>`)
      page.source = html
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
