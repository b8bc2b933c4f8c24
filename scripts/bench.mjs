// One benchmark of what a person on a cheap phone waits for: `npm run bench` builds the app, serves
// it on its own port, and prints one JSON report with each figure beside its budget:
//   - the first screen's JavaScript and CSS (gzip) and the HTML page, as in scripts/check-size.mjs;
//   - Lighthouse with its mobile defaults (simulated slow 4G and a 4x slower CPU): the scores, and
//     FCP, LCP, TBT and CLS (the median of LH_RUNS runs, 3 by default);
//   - in Chromium with the CPU slowed 4x: Start → first question painted, Continue → next question
//     painted and an answer → its follow-up painted, over whole walks through the check.
// It exits with 1, and says which, when a budget is missed. Timings live here, not in timed tests.
//
// Lighthouse (about 200 packages) is not one of the app's dependencies: the first run installs it
// with npm into ~/.cache/achilles-bench (or LIGHTHOUSE_DIR), outside the project.
//
// Environment: ACHILLES_OUT_DIR (default build/bench), BENCH_PORT (default 4190), CHROMIUM_PATH
// (default /usr/bin/chromium), LH_RUNS (3), START_RUNS (7), WALKS (3), BENCH_CASE (the golden case
// walked, default longest-path-many-follow-ups), CPU_SLOWDOWN (4), BENCH_SKIP_BUILD=1 to reuse a build.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, homedir, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { FIRST_SCREEN_BUDGET, firstScreen } from './firstScreen.mjs'

const root = resolve(import.meta.dirname, '..')
// The build and its preview read the output folder from here (vite.config.ts), so set it before either.
const outDir = (process.env.ACHILLES_OUT_DIR ??= 'build/bench')
const port = Number(process.env.BENCH_PORT ?? 4190)
const url = `http://127.0.0.1:${port}/`
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const LIGHTHOUSE_VERSION = '12.8.2'
const lighthouseDir = process.env.LIGHTHOUSE_DIR ?? join(homedir(), '.cache', 'achilles-bench', `lighthouse-${LIGHTHOUSE_VERSION}`)
const LH_RUNS = Number(process.env.LH_RUNS ?? 3)
const START_RUNS = Number(process.env.START_RUNS ?? 7)
const WALKS = Number(process.env.WALKS ?? 3)
const CPU_SLOWDOWN = Number(process.env.CPU_SLOWDOWN ?? 4)
const CASE = process.env.BENCH_CASE ?? 'longest-path-many-follow-ups'
// The flags of TOOLCHAIN.md: without the background-networking ones Chromium tries to reach outside hosts.
const chromeFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** progress goes to stderr, so that stdout is the JSON report alone */
const say = (line) => process.stderr.write(`bench: ${line}\n`)

const BUDGET = {
  // The same as `npm run size` (docs/decisions/001-first-screen-budget.md).
  jsGzip: FIRST_SCREEN_BUDGET.js,
  cssGzip: FIRST_SCREEN_BUDGET.css,
  // The page, its welcome screen and its inline styles should arrive in the first round trip
  // (a TCP connection's first window is about 14 KB).
  htmlGzip: 14 * 1024,
  scores: { performance: 0.95, accessibility: 1, 'best-practices': 1 },
  fcpMs: 1000,
  lcpMs: 1500,
  tbtMs: 50,
  cls: 0.02,
  startMs: 150,
  nextMs: 50,
  followUpMs: 50,
  /** the worst of a walk may be at most this many times its median */
  worstOverMedian: 2,
}

// 1. Build.
if (!process.env.BENCH_SKIP_BUILD) {
  say(`building into ${outDir}…`)
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] })
}
const dist = resolve(root, outDir)

// 2. Sizes: what the page loads before the first screen can be used (scripts/firstScreen.mjs).
function sizes() {
  const { html, jsGzip, cssGzip } = firstScreen(dist)
  return {
    firstScreenJsGzip: within(jsGzip, BUDGET.jsGzip, 'bytes'),
    firstScreenCssGzip: within(cssGzip, BUDGET.cssGzip, 'bytes'),
    htmlGzip: { ...within(gzipSync(html).length, BUDGET.htmlGzip, 'bytes'), raw: Buffer.byteLength(html) },
  }
}

/** a figure, its budget (an upper limit) and whether it is kept */
function within(value, budget, unit) {
  return { value, budget, unit, ok: value <= budget }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]
const round = (x, digits = 0) => Number(x.toFixed(digits))

// 3. Lighthouse, installed outside the project on first use.
function lighthouseCli() {
  const cli = join(lighthouseDir, 'node_modules', 'lighthouse', 'cli', 'index.js')
  const installed = () => {
    try {
      return JSON.parse(readFileSync(join(lighthouseDir, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version
    } catch {
      return null
    }
  }
  if (installed() !== LIGHTHOUSE_VERSION) {
    say(`installing lighthouse@${LIGHTHOUSE_VERSION} into ${lighthouseDir} (once)…`)
    mkdirSync(lighthouseDir, { recursive: true })
    execFileSync('npm', ['install', '--prefix', lighthouseDir, '--no-audit', '--no-fund', `lighthouse@${LIGHTHOUSE_VERSION}`], { stdio: ['ignore', 2, 2] })
  }
  if (installed() !== LIGHTHOUSE_VERSION) throw new Error(`lighthouse ${LIGHTHOUSE_VERSION} did not install into ${lighthouseDir}`)
  return cli
}

/** runs a command without blocking this process, which also serves the app to it */
function run(command, args, env) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 2, 2] })
    child.on('error', fail)
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`))))
  })
}

async function lighthouse() {
  const cli = lighthouseCli()
  const reports = mkdtempSync(join(tmpdir(), 'achilles-bench-'))
  const runs = []
  for (let i = 0; i < LH_RUNS; i++) {
    say(`lighthouse run ${i + 1} of ${LH_RUNS}…`)
    const output = join(reports, `run-${i}.json`)
    await run(
      process.execPath,
      [cli, url, `--chrome-flags=${chromeFlags.join(' ')}`, '--only-categories=performance,accessibility,best-practices', '--output=json', `--output-path=${output}`, '--quiet'],
      { ...process.env, CHROME_PATH: chromePath },
    )
    const report = JSON.parse(readFileSync(output, 'utf8'))
    const audit = (id) => report.audits[id].numericValue
    runs.push({
      version: report.lighthouseVersion,
      scores: Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, c.score])),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
    })
  }
  rmSync(reports, { recursive: true, force: true })
  const metric = (key, budget, digits = 0) => ({ ...within(round(median(runs.map((r) => r[key])), digits), budget, key === 'cls' ? 'score' : 'ms'), runs: runs.map((r) => round(r[key], digits)) })
  return {
    version: runs[0].version,
    runs: runs.length,
    figure: 'median of the runs',
    scores: Object.fromEntries(
      Object.entries(BUDGET.scores).map(([id, min]) => {
        const value = median(runs.map((r) => r.scores[id]))
        return [id, { value, budget: min, unit: 'at least', ok: value >= min, runs: runs.map((r) => r.scores[id]) }]
      }),
    ),
    fcp: metric('fcp', BUDGET.fcpMs),
    lcp: metric('lcp', BUDGET.lcpMs),
    tbt: metric('tbt', BUDGET.tbtMs),
    cls: metric('cls', BUDGET.cls, 3),
  }
}

// 4. Interactions in Chromium, with the CPU slowed down.
async function interactions() {
  const { chromium } = await import('@playwright/test')
  const answers = JSON.parse(readFileSync(resolve(root, 'rules', 'cases', `${CASE}.json`), 'utf8')).answers
  const browser = await chromium.launch({ executablePath: chromePath, args: chromeFlags })

  /** a fresh phone-sized page on the welcome screen, loaded and idle (as when a person reads it), then the CPU slowed */
  async function freshPage() {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } })
    const page = await context.newPage()
    await page.addInitScript(() => {
      // The browser's own Event Timing entries (what INP is built on): from an input to the next paint.
      window.__interactions = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.interactionId) window.__interactions.push(e.duration)
      }).observe({ type: 'event', durationThreshold: 16, buffered: true })
      // Start loads the wizard's code before it can paint, after the input's own frame: Event Timing
      // stops at that frame. Here, from the press to the frame that first shows a question, timed
      // after that frame's rendering (a message posted from requestAnimationFrame runs after it).
      window.__start = {}
      addEventListener('pointerdown', (e) => (window.__start.down ??= e.timeStamp), true)
      new MutationObserver((_, observer) => {
        if (window.__start.down === undefined || !document.querySelector('main [data-question]')) return
        observer.disconnect()
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => (window.__start.painted = performance.now())
          channel.port2.postMessage(null)
        })
      }).observe(document, { subtree: true, childList: true })
    })
    await page.goto(url, { waitUntil: 'networkidle' })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    return { context, page }
  }

  async function start(page) {
    await page.getByRole('button', { name: 'Start the check' }).click()
    await page.waitForFunction(() => window.__start.painted !== undefined)
    return page.evaluate(() => window.__start.painted - window.__start.down)
  }

  /** a real click; then the longest input-to-paint time of that interaction (Event Timing) */
  async function timed(page, click) {
    await page.evaluate(() => (window.__interactions = []))
    await click()
    // Entries come after the paint; an interaction under 16 ms reports none, and counts as 16.
    await page.waitForFunction(() => window.__interactions.length > 0, null, { timeout: 300, polling: 'raf' }).catch(() => {})
    const entries = await page.evaluate(() => window.__interactions)
    return entries.length ? Math.max(...entries) : 16
  }

  const questionsShown = (page) => page.locator('main [data-question]').count()
  const heading = (page) => page.getByRole('heading', { level: 1 }).textContent()

  /** answers the screen as the case does; returns the times of answers that revealed a question */
  async function answerScreen(page) {
    const reveals = []
    const done = new Set()
    for (let round = 0; round < 10; round++) {
      const ids = await page.locator('main [data-question]').evaluateAll((els) => els.map((el) => el.getAttribute('data-question')))
      const todo = ids.filter((id) => !done.has(id) && answers[id] !== undefined)
      if (!todo.length) break
      for (const id of todo) {
        done.add(id)
        const field = page.locator(`main [data-question="${id}"]`)
        const value = answers[id]
        const labels = []
        if ((await field.locator('input[type="date"]').count()) > 0) {
          await field.locator('input[type="date"]').fill(String(value))
          continue
        } else if (typeof value === 'number') labels.push(field.locator('label', { hasText: new RegExp(`^${value}$`) }))
        else
          for (const v of Array.isArray(value) ? value : [value]) {
            const input = field.locator(`input[value="${v}"]`)
            if (!(await input.isChecked())) labels.push(input.locator('xpath=ancestor::label[1]'))
          }
        for (const label of labels) {
          const before = await questionsShown(page)
          const ms = await timed(page, () => label.click())
          if ((await questionsShown(page)) > before) reveals.push(ms)
        }
      }
    }
    return reveals
  }

  /** from the first question to the review: every Continue that shows more questions, and every answer that reveals one */
  async function walk(page) {
    const next = []
    const followUps = []
    for (let screen = 0; screen < 30; screen++) {
      const title = await heading(page)
      const continueButton = page.getByRole('button', { name: 'Continue', exact: true })
      if (!(await continueButton.count())) break
      followUps.push(...(await answerScreen(page)))
      const ms = await timed(page, () => continueButton.click())
      await page.waitForFunction((t) => document.querySelector('main h1')?.textContent !== t, title)
      if ((await questionsShown(page)) > 0) next.push(ms)
    }
    const end = await heading(page)
    if (end !== 'Check your answers') throw new Error(`the walk of ${CASE} stopped at "${end}", not at the review`)
    return { next, followUps }
  }

  const startTimes = []
  for (let i = 0; i < START_RUNS; i++) {
    say(`Start → first question, run ${i + 1} of ${START_RUNS}…`)
    const { context, page } = await freshPage()
    startTimes.push(await start(page))
    await context.close()
  }
  const next = []
  const followUps = []
  for (let i = 0; i < WALKS; i++) {
    say(`walk ${i + 1} of ${WALKS} (${CASE})…`)
    const { context, page } = await freshPage()
    await start(page)
    const times = await walk(page)
    next.push(...times.next)
    followUps.push(...times.followUps)
    await context.close()
  }
  await browser.close()

  /** median and worst, each against its budget */
  const spread = (samples, budget, limitWorst) => {
    const m = round(median(samples))
    const worst = round(Math.max(...samples))
    const worstBudget = limitWorst ? BUDGET.worstOverMedian * m : null
    return {
      median: m,
      worst,
      budget: { median: budget, ...(limitWorst ? { worst: `${BUDGET.worstOverMedian} × median = ${worstBudget}` } : {}) },
      unit: 'ms',
      ok: m <= budget && (!limitWorst || worst <= worstBudget),
      samples: samples.map((x) => round(x)),
    }
  }
  return {
    cpuSlowdown: CPU_SLOWDOWN,
    walked: CASE,
    startToFirstQuestion: { ...spread(startTimes, BUDGET.startMs, false), method: 'press → frame that shows the first question, after the page went idle' },
    nextToNextQuestion: { ...spread(next, BUDGET.nextMs, true), method: `Event Timing, every Continue of ${WALKS} walks` },
    answerToFollowUp: { ...spread(followUps, BUDGET.followUpMs, true), method: `Event Timing, every answer that revealed a question in ${WALKS} walks` },
  }
}

// Serve the build as a person gets it (the preview applies the built security headers).
const { preview } = await import('vite')
const server = await preview({ root, preview: { host: '127.0.0.1', port, strictPort: true }, logLevel: 'warn' })
let report
try {
  report = { when: new Date().toISOString(), machine: { cpus: cpus().length, loadAverage: loadavg().map((x) => round(x, 1)), node: process.version }, url, size: sizes(), lighthouse: LH_RUNS > 0 ? await lighthouse() : 'skipped (LH_RUNS=0)', interactions: await interactions() }
} finally {
  await server.close()
}

// Which budgets were missed, in words.
const missed = []
const check = (name, figure) => {
  if (!figure.ok) missed.push(`${name}: ${figure.value ?? `median ${figure.median}, worst ${figure.worst}`} over its budget ${JSON.stringify(figure.budget)}`)
}
for (const [name, figure] of Object.entries(report.size)) check(`size.${name}`, figure)
if (typeof report.lighthouse === 'object') {
  for (const [name, figure] of Object.entries(report.lighthouse.scores)) if (!figure.ok) missed.push(`lighthouse.${name} score: ${figure.value} under ${figure.budget}`)
  for (const name of ['fcp', 'lcp', 'tbt', 'cls']) check(`lighthouse.${name}`, report.lighthouse[name])
}
for (const name of ['startToFirstQuestion', 'nextToNextQuestion', 'answerToFollowUp']) check(`interactions.${name}`, report.interactions[name])
report.missed = missed

console.log(JSON.stringify(report, null, 2))
if (missed.length) {
  say(`${missed.length} budget(s) missed:\n  ${missed.join('\n  ')}`)
  process.exit(1)
}
say('every budget kept')
