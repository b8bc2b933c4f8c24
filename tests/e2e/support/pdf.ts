/**
 * The real print path: Chromium prints the page to PDF (page.pdf uses the print stylesheet), and
 * poppler's pdftotext / pdfinfo read it back as a person's PDF viewer would.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'

export interface Printed {
  /** the PDF's text in reading order, pages separated by form feeds */
  text: string
  pages: number
}

export async function printToPdf(page: Page, format: 'A4' | 'Letter' = 'A4'): Promise<Printed> {
  const pdf = await page.pdf({ format })
  const dir = mkdtempSync(join(tmpdir(), 'achilles-pdf-'))
  try {
    const file = join(dir, 'summary.pdf')
    writeFileSync(file, pdf)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    const pages = Number(info.match(/^Pages:\s+(\d+)/m)?.[1])
    return { text, pages }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** pdftotext breaks lines where the page does: compare words, not line breaks */
export const flat = (text: string) => text.replace(/\s+/g, ' ')
