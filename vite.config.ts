import { readFileSync } from 'node:fs'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig, type Plugin } from 'vite'
import { checkContent } from './src/engine/checkContent.ts'
import { readContent } from './scripts/readContent.ts'
import { contentSecurityPolicy } from './src/app/securityPolicy.ts'

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
 * `vite preview` sends the built page's own policy as a header too. scripts/prerender.mjs adds the
 * inline stylesheet's hash to it, so it is read from dist/ when the preview server starts.
 */
function builtPolicy(): string {
  try {
    const html = readFileSync('dist/index.html', 'utf8')
    return html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? contentSecurityPolicy
  } catch {
    return contentSecurityPolicy
  }
}

export default defineConfig({
  plugins: [checkRules(), react(), tailwindcss(), securityPolicy()],
  build: { target: 'es2022', sourcemap: false },
  preview: { headers: { 'Content-Security-Policy': builtPolicy() } },
})
