import { test } from './helpers'
import { goldenCase } from './support/seed'
import { openResult, printWithWords } from './support/printHelpers'
import { writeFileSync } from 'node:fs'

test('scratch', async ({ page }) => {
  await page.addInitScript(() => { (window as any).__p = 0; addEventListener('beforeprint', () => (window as any).__p++) })
  for (const name of ['footballer-snap-sudden-start-resting-pain', 'nothing-notable-office-walker', 'long-suffering-runner-tried-everything']) {
    await openResult(page, { answers: goldenCase(name).answers })
    const p = await printWithWords(page, 'A4')
    writeFileSync(`/tmp/printscratch/${name}.txt`, p.text)
    console.log(name, p.pages, p.pageWidth, p.words.length, Math.max(...p.words.map(w=>w.xMax)))
  }
  const t0 = Date.now()
  await page.evaluate(() => window.print())
  console.log('print took', Date.now() - t0, await page.evaluate(() => (window as any).__p))
})
