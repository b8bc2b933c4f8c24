/**
 * A small static host for the browser tests that need to control the server itself: stop it (the
 * offline test) or switch it to a newer build (the update test). It serves a built app the way a
 * plain static host would, with the page's own Content-Security-Policy as a header.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { Socket } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
}

export interface StaticServer {
  origin: string
  /** serve another build from now on, as a deploy would */
  deploy: (dir: string) => void
  /** stop answering and drop every open connection */
  close: () => Promise<void>
}

function policyOf(dir: string): string {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1]
  if (!policy) throw new Error(`${dir}/index.html has no Content-Security-Policy`)
  return policy
}

export async function serveStatic(dir: string, port: number): Promise<StaticServer> {
  let root = resolve(dir)
  let policy = policyOf(root)
  const sockets = new Set<Socket>()
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    let file = join(root, path)
    // A single-page app: any path that is not a file gets the page.
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
    response.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': policy,
      // Hashed assets could be cached for ever; the page and the service worker must be revalidated.
      'Cache-Control': file.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    createReadStream(file).pipe(response)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done))
  return {
    origin: `http://127.0.0.1:${port}`,
    deploy: (next) => {
      root = resolve(next)
      policy = policyOf(root)
    },
    close: () =>
      new Promise((done) => {
        server.close(() => done())
        for (const socket of sockets) socket.destroy()
      }),
  }
}
