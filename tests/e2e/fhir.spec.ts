/**
 * "Save a record for your clinic's system (FHIR)", end to end: the file the app downloads, read
 * back by a real third-party form client. LHC-Forms (NLM's open-source FHIR form renderer, fetched
 * as a pinned test fixture by scripts/fetchLforms.ts) loads each golden case's Questionnaire and
 * Response in Chromium, must show exactly the questions the app shows with the same answers, and
 * must export the answers back with nothing missing, added or changed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import type { Browser, Page } from '@playwright/test'
import { ensureLforms } from '../../scripts/fetchLforms'
import { APP_ORIGIN, expect, test } from './helpers'
import { openCase, questionnaire, questionsShown } from './support/printHelpers'
import { downloadFrom } from './support/recordHelpers'
import { goldenCase, goldenCases, type Answers, type GoldenCase } from './support/seed'

const FHIR_BUTTON = 'Save a record for your clinic’s system (FHIR)'
const LFORMS = 'http://lforms.test'
const HOSTILE_NOTE = '<img src=x onerror="window.__hit=1"></textarea><script>window.__hit=2</script> & "quoted"'

type Answer = { valueCoding?: { system: string; code: string; display?: string }; valueInteger?: number; valueDate?: string; valueString?: string; item?: Item[] }
type Item = { linkId: string; text?: string; answer?: Answer[]; item?: Item[] }
type Resource = { resourceType: string; item: Item[]; [key: string]: unknown }
interface Bundle {
  resourceType: string
  type: string
  entry: { fullUrl: string; resource: Resource }[]
}

const questionIds = new Set(questionnaire.sections.flatMap((s) => s.questions.map((q) => q.id)))

/** the app's FHIR file for this person, through the button a person presses on their summary */
async function exportedBundle(page: Page, c: GoldenCase, answers: Answers = c.answers, note?: string): Promise<Bundle> {
  await openCase(page, c, answers)
  if (note !== undefined) await page.getByRole('textbox', { name: 'What I want to ask' }).fill(note)
  const saved = await downloadFrom(page, () => page.getByRole('button', { name: FHIR_BUTTON }).click())
  expect(saved.filename).toMatch(/^achilles-self-check-fhir-\d{4}-\d\d-\d\d\.json$/)
  return JSON.parse(saved.text) as Bundle
}

/** every answered item, flattened in document order: linkId, its text, and its answers */
function answers(items: Item[]): unknown[] {
  return items.flatMap((i) => [
    ...(i.answer ? [{ linkId: i.linkId, text: i.text, answer: i.answer.map(({ item: _nested, ...value }) => value) }] : []),
    ...answers(i.item ?? []),
    ...(i.answer ?? []).flatMap((a) => answers(a.item ?? [])),
  ])
}

/** a page on its own origin holding LHC-Forms, in a browser context of its own */
async function lformsPage(browser: Browser): Promise<Page> {
  const dir = ensureLforms()
  const context = await browser.newContext()
  await context.route(`${LFORMS}/**`, (route) => {
    const path = new URL(route.request().url()).pathname
    if (path === '/')
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html><head><link rel="stylesheet" href="/webcomponent/styles.css"></head><body><div id="form"></div>
<script src="/webcomponent/assets/lib/zone.min.js"></script><script src="/webcomponent/lhc-forms.js"></script><script src="/fhir/R4/lformsFHIR.min.js"></script></body></html>`,
      })
    if (!/\.(js|css)$/.test(path)) return route.fulfill({ status: 404 })
    return route.fulfill({ contentType: `${path.endsWith('.css') ? 'text/css' : 'text/javascript'}; charset=utf-8`, body: readFileSync(join(dir, path)) })
  })
  const page = await context.newPage()
  await page.goto(`${LFORMS}/`)
  await page.waitForFunction(() => (window as unknown as { LForms?: { FHIR?: unknown } }).LForms?.FHIR)
  return page
}

/** what LHC-Forms shows for this bundle (the linkIds of the items on screen) and the response it exports back */
function readInLforms(page: Page, bundle: Bundle): Promise<{ shown: string[]; exported: Resource }> {
  const [questionnaire, response] = bundle.entry.map((e) => e.resource)
  return page.evaluate(async ([q, r]) => {
    const { LForms } = window as unknown as { LForms: { Util: Record<string, (...args: unknown[]) => unknown> } }
    const element = document.getElementById('form')!
    element.replaceChildren()
    const form = LForms.Util.convertFHIRQuestionnaireToLForms(q, 'R4')
    await LForms.Util.addFormToPage(LForms.Util.mergeFHIRDataIntoLForms('QuestionnaireResponse', r, form, 'R4'), element)
    // Each rendered item's element id is "item-" + its linkId + its position ("/1/1").
    const shown = [...element.querySelectorAll('.lhc-item')].map((e) => e.id.replace(/^item-/, '').replace(/(\/\d+)+$/, ''))
    return { shown, exported: LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', element) as never }
  }, [questionnaire, response] as const)
}

test.describe('the FHIR record', () => {
  test('downloads from the summary as one R4 Bundle, carries a hostile note as plain text, and sends nothing anywhere', async ({ page, guard, browser }) => {
    const c = goldenCase('typical-runner-mileage-jump-minimal-shoes')
    await page.clock.setFixedTime(new Date(`${c.today}T12:00:00`))
    const bundle = await exportedBundle(page, c, c.answers, HOSTILE_NOTE)
    await expect(page.getByRole('region', { name: 'Your answers on this device' }).getByRole('status')).toHaveText(
      `Saved as achilles-self-check-fhir-${c.today}.json in your downloads. It is for your clinic’s software and holds your answers and your note, so keep it private.`,
    )

    expect(bundle.resourceType).toBe('Bundle')
    expect(bundle.type).toBe('collection')
    const [q, r] = bundle.entry.map((e) => e.resource)
    expect(q!.resourceType).toBe('Questionnaire')
    expect(r!.resourceType).toBe('QuestionnaireResponse')
    expect(r!.questionnaire).toBe(`${q!.url}|${q!.version}`)
    expect(r!.status).toBe('completed')
    expect(r).not.toHaveProperty('subject')
    const note = answers(r!.item).find((a) => (a as Item).linkId === 'summary.note') as Item
    expect(note.answer).toEqual([{ valueString: HOSTILE_NOTE }])
    // the note was text in the app, and nothing in it ran
    expect(await page.evaluate(() => (window as unknown as { __hit?: number }).__hit)).toBeUndefined()
    // only the app's own origin was ever asked for anything (the guard fails the test otherwise)
    expect(guard.appOrigins).toEqual(new Set([APP_ORIGIN]))

    // read by a form client, the note is still text: shown as typed, and nothing in it runs
    const client = await lformsPage(browser)
    const { exported } = await readInLforms(client, bundle)
    expect(answers(exported.item)).toContainEqual({ linkId: 'summary.note', text: 'What I want to ask', answer: [{ valueString: HOSTILE_NOTE }] })
    await expect(client.locator('textarea').last()).toHaveValue(HOSTILE_NOTE)
    expect(await client.evaluate(() => (window as unknown as { __hit?: number }).__hit)).toBeUndefined()
    await client.context().close()
  })

  test('LHC-Forms shows exactly the questions the app shows, with the same answers, and exports them back unchanged, for every golden case; the counts and sizes go to build/reports/fhir-round-trip.md', async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000)
    const client = await lformsPage(browser)
    let shownTotal = 0
    const rows: string[] = []
    for (const c of goldenCases()) {
      await openCase(page, c)
      const saved = await downloadFrom(page, () => page.getByRole('button', { name: FHIR_BUTTON }).click())
      const bundle = JSON.parse(saved.text) as Bundle
      const response = bundle.entry[1]!.resource
      const { shown, exported } = await readInLforms(client, bundle)
      const expected = questionsShown(c.answers)
      const questionsOnScreen = shown.filter((id) => questionIds.has(id))
      expect(questionsOnScreen, `${c.name}: the questions LHC-Forms shows`).toEqual(expected)
      const back = answers(exported.item)
      expect(back, `${c.name}: the answers LHC-Forms exports`).toEqual(answers(response.item))
      shownTotal += back.length
      rows.push(
        `| ${c.name} | ${questionsOnScreen.length} | ${back.length} / ${answers(response.item).length} | ${saved.text.length} | ${gzipSync(saved.text).length} |`,
      )
    }
    expect(shownTotal).toBeGreaterThan(goldenCases().length * 10)
    const dir = resolve(import.meta.dirname, '../../build/reports')
    mkdirSync(dir, { recursive: true })
    writeFileSync(
      resolve(dir, 'fhir-round-trip.md'),
      [
        '# The FHIR record read back by LHC-Forms 40.1.3 (tests/e2e/fhir.spec.ts)',
        '',
        'Every row passed: LHC-Forms showed exactly the questions the app shows, and exported every answer back unchanged (0 differences).',
        '',
        '| case | questions shown | answers exported back / in the file | file bytes | gzip bytes |',
        '|---|---|---|---|---|',
        ...rows,
        '',
      ].join('\n'),
    )
    await client.context().close()
  })

  test('for random answers, LHC-Forms shows and hides the same questions as the app', async ({ page, browser }) => {
    test.setTimeout(240_000)
    const client = await lformsPage(browser)
    const base = goldenCase('typical-runner-mileage-jump-minimal-shoes')
    // Every question a person must answer is answered (so the summary opens); the rest at random.
    type Q = { type: string; required?: boolean; options?: { value: string; exclusive?: boolean }[]; min?: number; max?: number }
    const answer = (q: Q): fc.Arbitrary<Answers[string] | undefined> => {
      const value: fc.Arbitrary<Answers[string]> =
        q.type === 'single'
          ? fc.constantFrom(...q.options!.map((o) => o.value))
          : q.type === 'multi'
            ? fc.oneof(
                fc.subarray(q.options!.filter((o) => !o.exclusive).map((o) => o.value), { minLength: 1 }),
                ...(q.options!.some((o) => o.exclusive) ? [fc.constantFrom(...q.options!.filter((o) => o.exclusive).map((o) => [o.value]))] : []),
              )
            : q.type === 'scale'
              ? fc.integer({ min: q.min!, max: q.max! })
              : fc.constant('2026-12-20')
      return q.required ? value : fc.option(value, { nil: undefined, freq: 3 })
    }
    const arbitrary = fc
      .record(Object.fromEntries(questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, answer(q as Q)]))))
      .map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Answers)
    await fc.assert(
      fc.asyncProperty(arbitrary, async (answersGiven) => {
        const bundle = await exportedBundle(page, base, answersGiven)
        const { shown, exported } = await readInLforms(client, bundle)
        expect(shown.filter((id) => questionIds.has(id))).toEqual(questionsShown(answersGiven))
        expect(answers(exported.item)).toEqual(answers(bundle.entry[1]!.resource.item))
      }),
      { numRuns: 25, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
    )
    await client.context().close()
  })
})
