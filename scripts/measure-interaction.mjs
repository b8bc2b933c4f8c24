// Measures, in real Chromium with the CPU slowed 4x, the time from a person's action to the next
// frame painted: a "Continue" that shows the next section, and an answer that reveals a question.
// Usage: npm run build && npm run measure   (CPU_SLOWDOWN=1 for an unthrottled baseline)
import { chromium } from '@playwright/test'
import { preview } from 'vite'

const server = await preview({ preview: { host: '127.0.0.1', port: 4174, strictPort: true }, logLevel: 'warn' })
const RUNS = Number(process.env.RUNS ?? 9)

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
})
const page = await browser.newPage({ viewport: { width: 360, height: 800 } })
await page.goto('http://127.0.0.1:4174/', { waitUntil: 'networkidle' })
const cdp = await page.context().newCDPSession(page)
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.CPU_SLOWDOWN ?? 4) })

// The browser's own Event Timing entries (what INP is built on): from the input to the next paint.
await page.addInitScript(() => {
  window.__interactions = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.interactionId) window.__interactions.push({ id: e.interactionId, name: e.name, duration: e.duration })
  }).observe({ type: 'event', durationThreshold: 16, buffered: true })
})
await page.reload({ waitUntil: 'networkidle' })

/** a real click, then the longest input-to-paint time of that interaction */
async function timeToPaint(locator, shown) {
  await page.evaluate(() => (window.__interactions = []))
  await locator.click()
  await shown.waitFor()
  await page.waitForFunction(() => window.__interactions.length > 0, null, { timeout: 2000 }).catch(() => {})
  const entries = await page.evaluate(() => window.__interactions)
  // Entries under 16 ms are not reported: such an interaction took less than that.
  return entries.length ? Math.max(...entries.map((e) => e.duration)) : 16
}

const results = { continue: [], reveal: [] }
for (let run = 0; run < RUNS; run++) {
  await page.evaluate(() => localStorage.clear())
  await page.reload({ waitUntil: 'networkidle' })
  await page.getByRole('button', { name: 'Start the check' }).click()
  await page.getByRole('heading', { level: 1, name: 'First, is this check for you?' }).waitFor()
  const pick = (id, value) => page.locator(`[data-question="${id}"] input[value="${value}"]`).check()
  await pick('scope.age', '16-plus')
  await pick('scope.surgery', 'no')
  await pick('scope.where', 'mid-tendon')
  await pick('scope.side', 'left')
  results.continue.push(await timeToPaint(page.locator('button[type=submit]'), page.locator('[data-question="urgent.snap"]')))
  await pick('urgent.snap', 'no')
  await pick('urgent.weightNow', 'normal')
  await pick('urgent.calf', 'no')
  await pick('urgent.heel', 'neither')
  await pick('urgent.fever', 'no')
  await pick('urgent.medicines', 'none')
  await page.locator('button[type=submit]').click()
  await page.locator('[data-question="soon.signs"]').waitFor()
  await pick('soon.signs', 'none')
  await page.locator('button[type=submit]').click()
  await page.getByRole('heading', { level: 1, name: 'Where and how it hurts' }).waitFor()
  results.reveal.push(await timeToPaint(page.locator('[data-question="pain.event"] input[value="yes"]'), page.locator('input[type=date]')))
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
console.log(`CPU ${process.env.CPU_SLOWDOWN ?? 4}x slower, ${RUNS} runs each, ms from the click to the next paint (Event Timing):`)
console.log(`  Continue → next section shown: median ${median(results.continue).toFixed(0)} (${results.continue.map((x) => x.toFixed(0)).join(', ')})`)
console.log(`  answer → follow-up question shown: median ${median(results.reveal).toFixed(0)} (${results.reveal.map((x) => x.toFixed(0)).join(', ')})`)
await browser.close()
await server.close()
