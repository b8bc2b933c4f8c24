// Draws the PNG app icons in public/ from the SVG ones with the same Chromium the browser tests
// use, so no image library is needed. Run it after changing public/icon*.svg: `node scripts/make-icons.mjs`.
// The maskable icon (drawn in scripts/icons/) keeps its drawing inside the central safe zone (80% circle) and fills the square.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium } from '@playwright/test'

const root = resolve(import.meta.dirname, '..')
const icons = [
  { svg: 'icon.svg', png: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', png: 'icon-512.png', size: 512 },
  { svg: '../scripts/icons/icon-maskable.svg', png: 'icon-maskable-512.png', size: 512 },
  { svg: 'icon.svg', png: 'apple-touch-icon.png', size: 180, background: '#0f4c5c' },
]
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] })
const page = await browser.newPage()
for (const { svg, png, size, background = 'transparent' } of icons) {
  const data = readFileSync(resolve(root, 'public', svg), 'base64')
  await page.setViewportSize({ width: size, height: size })
  await page.setContent(`<body style="margin:0;background:${background}"><img src="data:image/svg+xml;base64,${data}" width="${size}" height="${size}" style="display:block"></body>`)
  await page.screenshot({ path: resolve(root, 'public', png), omitBackground: background === 'transparent' })
  console.log(`public/${png} (${size}×${size})`)
}
await browser.close()
