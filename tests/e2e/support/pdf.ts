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

/** prints the page to a PDF file and hands its path to `read`; the file is gone afterwards */
export async function readPrinted<T>(page: Page, format: 'A4' | 'Letter', read: (file: string) => T): Promise<T> {
  const pdf = await page.pdf({ format })
  const dir = mkdtempSync(join(tmpdir(), 'achilles-pdf-'))
  try {
    const file = join(dir, 'summary.pdf')
    writeFileSync(file, pdf)
    return read(file)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** the text of a PDF file, in reading order, pages separated by form feeds */
export const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })

export function printToPdf(page: Page, format: 'A4' | 'Letter' = 'A4'): Promise<Printed> {
  return readPrinted(page, format, (file) => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    return { text: pdfText(file), pages: Number(info.match(/^Pages:\s+(\d+)/m)?.[1]) }
  })
}

/** pdftotext breaks lines where the page does: compare words, not line breaks */
export const flat = (text: string) => text.replace(/\s+/g, ' ')
