/**
 * Steps and readings for the tests of the person's record (tests/e2e/record.spec.ts): a second
 * device watched like the first, the saved copy in localStorage, the file the app saves, and the
 * file chooser behind "Open answers from a file".
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Download, Locator, Page } from '@playwright/test'
import { APP_ORIGIN, expect, heading, watchContext, type Guard } from '../helpers'
import { openWithSaved, type Answers } from './seed'

/** Where the app keeps the person's record (src/domain/record/saved.ts). */
export const STORAGE_KEY = 'achilles-self-check'
/** Where a saved copy the app could not read is set aside (src/domain/record/saved.ts). */
export const UNREADABLE_KEY = 'achilles-self-check:unreadable'

/** The refusals a person can meet when opening a file (src/domain/record/importFile.ts), word for word. */
export const messages = {
  notOurs:
    'This file is not a saved copy from Achilles Self-Check, so it was not opened. Please choose a file whose name starts with "achilles-self-check". Nothing on this device was changed.',
  newer:
    'This file was made by a newer version of this app. Please update the app on this device first, then open the file again. Nothing on this device was changed.',
  damaged:
    'This file seems to be damaged, or it was changed after it was saved, so it was not opened. Nothing on this device was changed. If you have another copy of the file, try that one.',
  /** the notice after a file from the same questions was opened (App.tsx, Wizard.tsx) */
  opened: 'Your answers from the file are in. Please check them.',
  /** the notice on the welcome screen once everything was deleted (App.tsx) */
  deleted: 'Everything this app kept on this device has been deleted: your answers, your note and any copy it set aside. Files you saved yourself are not touched.',
}

/** A second device: a browser context of its own (its own storage, caches, service worker), watched like the first. */
export async function anotherDevice(browser: Browser, guard: Guard): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: APP_ORIGIN, serviceWorkers: 'allow', acceptDownloads: true })
  await watchContext(context, guard, 'other device')
  return context
}

/** The saved copy exactly as stored (null when there is none). */
export const storedText = (page: Page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)

export interface StoredRecord {
  state: { answers: Answers; note: string; step: string; editing: boolean; questionnaireVersion: number; recheck: string[] }
  version: number
}

/** The saved copy, read as the app reads it. */
export async function storedRecord(page: Page): Promise<StoredRecord | null> {
  const text = await storedText(page)
  return text === null ? null : (JSON.parse(text) as StoredRecord)
}

/**
 * The saved copy once the app has stopped writing it: the wizard writes the person's position as
 * it mounts, so a "before" reading taken too early would differ from "after" for no real reason.
 */
export async function settledStoredText(page: Page): Promise<string | null> {
  let last = await storedText(page)
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150)
    const now = await storedText(page)
    if (now === last) return now
    last = now
  }
  throw new Error('the saved copy kept changing')
}

/** The suggestion cards on the result screen, by rule id, sorted. */
export const shownRules = (page: Page) =>
  page.locator('main article[data-rule]').evaluateAll((els) => els.map((el) => el.getAttribute('data-rule') ?? '').sort())

/** The note box on the result screen. */
export const noteBox = (page: Page) => page.getByRole('textbox', { name: 'What I want to ask' })

/** The app's summary screen: its heading starts "Your summary" whatever the urgency. */
export const summaryTitle = /^Your summary/

/**
 * Opens the app as a person who left it at their summary with these answers and this note, and
 * waits until the summary shows (the prerendered welcome screen comes first) and its saved copy
 * has settled.
 */
export async function openAtSummary(page: Page, record: { answers: Answers; note?: string }) {
  await openWithSaved(page, { step: 'result', ...record })
  await expect(heading(page)).toHaveText(summaryTitle)
  await expect(page.getByRole('button', { name: 'Save answers as a file' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  await settledStoredText(page)
}

/** The day on the browser's clock, as the app names its files (YYYY-MM-DD, local time). */
export const browserToday = (page: Page) =>
  page.evaluate(() => {
    const d = new Date()
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  })

export interface SavedFile {
  filename: string
  path: string
  text: string
}

/** Runs `press` (which must press "Save answers as a file") and returns the file the browser downloaded. */
export async function downloadFrom(page: Page, press: () => Promise<void>): Promise<SavedFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), press()])
  return readDownload(download)
}

/**
 * Keeps a copy of the download under its own name (Playwright deletes downloads when their browser
 * context closes, and a second device opens the file after the first one is gone).
 */
async function readDownload(download: Download): Promise<SavedFile> {
  const filename = download.suggestedFilename()
  const path = join(mkdtempSync(join(tmpdir(), 'achilles-record-')), filename)
  await download.saveAs(path)
  return { filename, path, text: readFileSync(path, 'utf8') }
}

/** What the file chooser is given: a file on disk, or one made in the test. */
export type FileToOpen = string | { name: string; mimeType: string; buffer: Buffer }

/** A JSON file made in the test, named as the app names its own. */
export const jsonFile = (text: string, name = 'achilles-self-check-2026-01-01.json'): FileToOpen => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text, 'utf8'),
})

/**
 * Runs `press` (which must open the file chooser, by mouse or keyboard) and picks `file` in it,
 * as a person does after "Open answers from a file".
 */
export async function chooseFile(page: Page, press: () => Promise<void>, file: FileToOpen) {
  // Playwright intercepts file choosers only while a listener is attached, and switches that on
  // asynchronously: a chooser that opens at once was missed in about 1 run in 5 (measured with
  // 15 runs each way). Listen first and let it settle, then press.
  const intercepting = () => {}
  page.on('filechooser', intercepting)
  await page.waitForTimeout(250)
  try {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press()])
    expect(chooser.isMultiple(), 'one file at a time').toBe(false)
    await chooser.setFiles(file)
  } finally {
    page.off('filechooser', intercepting)
  }
}

/** "Open answers from a file", clicked, then the file picked. */
export const openFileWithButton = (page: Page, file: FileToOpen) =>
  chooseFile(page, () => page.getByRole('button', { name: 'Open answers from a file' }).click(), file)

/** A status message (the polite live regions: the notice bar, the save confirmation) with this text. */
export const statusWith = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text })

/** The refusal region (role=alert) that holds a message. */
export const refusal = (page: Page) => page.getByRole('alert').filter({ hasText: /\S/ })

/** A button of a confirm dialog, by its exact label (the dialog's confirm button can share its label with the button that opened it). */
export const dialogButton = (dialog: Locator, name: string) => dialog.getByRole('button', { name, exact: true })

/** JSON with keys sorted at every level and no spaces: what the app's checksum is computed over (src/domain/record/exportFile.ts). */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * The file with its checksum made to match its content again, computed here independently of the
 * app: a control showing that a hand-changed file is refused because of its checksum alone.
 */
export function resealed(file: Record<string, unknown>): Record<string, unknown> {
  const { integrity: _old, ...body } = file
  void _old
  return { ...body, integrity: `sha256-${createHash('sha256').update(canonicalJson(body)).digest('base64')}` }
}

/** What a person saw on the device where they saved their file. */
export interface SavedElsewhere {
  file: SavedFile
  /** the saved copy on that device when the file was saved */
  record: StoredRecord
  /** the summary's heading, suggestion cards and note box there */
  title: string
  rules: string[]
  noteShown: string
  /** the confirmation shown after saving */
  confirmation: string
  /** the day on that device's clock */
  today: string
}

/**
 * A person on another device, at their summary with these answers and this note, saves the file:
 * by clicking "Save answers as a file", or however `press` says. The device is closed afterwards;
 * the file stays on disk.
 */
export async function saveOnAnotherDevice(
  browser: Browser,
  guard: Guard,
  saved: { answers: Answers; note?: string },
  press: (page: Page) => Promise<void> = (page) => page.getByRole('button', { name: 'Save answers as a file' }).click(),
): Promise<SavedElsewhere> {
  const device = await anotherDevice(browser, guard)
  try {
    const page = await device.newPage()
    await openAtSummary(page, saved)
    const record = (await storedRecord(page))!
    const title = (await heading(page).textContent()) ?? ''
    const rules = await shownRules(page)
    const noteShown = await noteBox(page).inputValue()
    const file = await downloadFrom(page, () => press(page))
    const confirmation = statusWith(page, 'Saved as')
    await expect(confirmation).toBeVisible()
    return { file, record, title, rules, noteShown, confirmation: (await confirmation.textContent()) ?? '', today: await browserToday(page) }
  } finally {
    await device.close()
  }
}
