/**
 * One destination and one time frame lead the result (issue 8), on screen and on paper, for any
 * answers. ResultScreen holds both: the screen part (the page, hidden in print) and the printed
 * summary ([data-print-summary], shown only in print but always in the DOM); each property is
 * checked in each part on its own. Which flags hold, and where they send the person, come from the
 * hand-written oracle (tests/unit/support/oracleFlags.ts); the words shown come from the content.
 */
import { render } from '@testing-library/react'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { redFlags } from '../../src/content/questionnaire'
import type { Answers } from '../../src/content/schema'
import { ResultScreen } from '../../src/ui/screens/ResultScreen'
import { calm } from './support/answers'
import { allClear, arbitraryAnswers } from './support/arbitraryAnswers'
import { destinationStrength, levelOfDestination, oracleDestination, oracleFlags, oracleLead, type DestinationId } from './support/oracleFlags'
import { resultScreenProps } from './support/resultScreen'

const TODAY = '2026-11-24'
/** Each property renders once a run (10 to 30 ms): enough runs to meet every destination, the file inside 15 s. */
const RUNS = 100
/** Each takes 1 to 3 s alone; on a busy machine, and while shrinking a failure, more. */
const SLOW = 20_000

const destinations = redFlags.destinations as Record<DestinationId, { level: string; heading: string; body: string; timeFrame?: string }>
const flagById = new Map(redFlags.flags.map((f) => [f.id, f]))

/**
 * the text a person reads in an element: its text pieces with a space between them (textContent
 * runs a heading into the paragraph after it), and runs of white space as one space
 */
function textOf(el: Element | null | undefined): string {
  if (!el) return ''
  const pieces: string[] = []
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) pieces.push(node.textContent ?? '')
  return pieces.join(' ').replace(/\s+/g, ' ').trim()
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** how many times a phrase is said, as whole words: as written, or in any letter case */
const timesSaid = (text: string, phrase: string, anyCase = true) =>
  text.match(new RegExp(`(?<![\\w-])${escape(phrase)}(?![\\w-])`, anyCase ? 'gi' : 'g'))?.length ?? 0

/** the result for these answers, split into what shows on screen and what prints */
function renderParts(answers: Answers) {
  const view = render(<ResultScreen warningSigns={redFlags.welcomeList} {...resultScreenProps(answers, TODAY)} />)
  const print = view.container.querySelector('[data-print-summary]')!
  const page = view.container.querySelector('main')!
  expect(print).not.toBeNull()
  expect(page.contains(print) || print.contains(page)).toBe(false)
  const screenLead = page.querySelector('[data-destination]')
  const printLead = print.querySelector('[data-print-destination]')
  /** what the leading block says of the destination itself: its heading and the sentences under it */
  const statement = (block: Element | null) => {
    const heading = block?.querySelector('h2')
    return `${textOf(heading)} ${textOf(heading?.nextElementSibling)}`
  }
  return {
    view,
    page,
    print,
    title: textOf(page.querySelector('h1')),
    screenText: textOf(page),
    /** the page without its title, which repeats the leading heading by design (pinned in (a)) */
    screenBelowTitle: [...page.children].filter((el) => el.tagName !== 'H1').map(textOf).join(' '),
    printText: textOf(print),
    /** the block that leads each part */
    screenLead,
    printLead,
    screenStatement: statement(screenLead),
    printStatement: statement(printLead),
  }
}

/** the oracle's view of these answers */
function expected(answers: Answers) {
  const flags = oracleFlags(answers)
  const lead = oracleLead(flags)
  return { flags, lead, level: lead ? levelOfDestination[lead] : null }
}

describe('one destination and one time frame lead the result', () => {
  test('(a) the leading destination heading is said exactly once on screen and once in print, in the leading block', () => {
    let met = 0
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const { lead } = expected(answers)
        if (!lead) return
        met++
        const { view, screenText, printText, screenLead, printLead, title } = renderParts(answers)
        const { heading } = destinations[lead]
        expect(screenLead?.getAttribute('data-destination')).toBe(lead)
        expect(printLead?.getAttribute('data-print-destination')).toBe(lead)
        // The heading as written, once. An out-of-scope result explains "Because this check isn't
        // made for you, ...": that is not the heading said again.
        expect(timesSaid(screenText, heading, false), `"${heading}" on screen`).toBe(1)
        expect(timesSaid(printText, heading, false), `"${heading}" in print`).toBe(1)
        expect(textOf(screenLead?.querySelector('h2'))).toBe(heading)
        expect(textOf(printLead?.querySelector('h2'))).toContain(heading)
        // The page title stays plain: the status below it names the destination.
        expect(title).toBe('Your summary')
        view.unmount()
      }),
      { numRuns: RUNS },
    )
    expect(met).toBeGreaterThan(RUNS / 2)
  }, SLOW)

  test('(b) the leading time frame is said once, at the top', () => {
    const met = new Set<string>()
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const { lead } = expected(answers)
        const timeFrame = lead && destinations[lead].timeFrame
        if (!lead || !timeFrame) return
        met.add(lead)
        const { view, screenStatement, printStatement } = renderParts(answers)
        // At the top: the destination's heading and the sentences under it say the time frame once.
        expect(timesSaid(screenStatement, timeFrame), `"${timeFrame}" at the top on screen: ${screenStatement}`).toBe(1)
        expect(timesSaid(printStatement, timeFrame), `"${timeFrame}" at the top in print: ${printStatement}`).toBe(1)
        view.unmount()
      }),
      { numRuns: RUNS },
    )
    expect(met.size).toBeGreaterThanOrEqual(3)
  }, SLOW)

  test('(b) the leading time frame is not said again below the top', () => {
    const met = new Set<string>()
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const { lead } = expected(answers)
        const timeFrame = lead && destinations[lead].timeFrame
        // A single everyday word ("now", "today") is also a word of the questions the person's
        // answers quote ("Weight on the leg now") and of the list to watch for: only a time frame of
        // a few words ("within a week or two", "today, before your next dose") is counted.
        if (!lead || !timeFrame?.includes(' ')) return
        met.add(lead)
        const { view, screenBelowTitle, printText, screenStatement, printStatement } = renderParts(answers)
        // The page title aside (it repeats the heading, pinned in (a)), only the top says it.
        expect(timesSaid(screenBelowTitle, timeFrame), `"${timeFrame}" on screen`).toBe(timesSaid(screenStatement, timeFrame))
        expect(timesSaid(printText, timeFrame), `"${timeFrame}" in print`).toBe(timesSaid(printStatement, timeFrame))
        view.unmount()
      }),
      { numRuns: RUNS },
    )
    // Most runs with such a lead need an assessment; a prescriber leads in one run in twenty.
    expect(met.size).toBeGreaterThanOrEqual(1)
  }, SLOW)

  /** One person for each destination with a time frame, so each shows its own pass or failure. */
  const leadingWith: Record<string, Answers> = {
    'emergency-now': { ...calm, 'urgent.calf': 'yes', 'urgent.clotRisk': ['none'], 'urgent.breath': 'yes' },
    today: { ...calm, 'urgent.weightNow': 'none' },
    'prescriber-today': { ...calm, 'urgent.medicines': ['fluoroquinolone'], 'urgent.stillTaking': 'yes' },
    'assessment-soon': { ...calm, 'soon.signs': ['night'] },
    'prescriber-soon': { ...calm, 'urgent.medicines': ['statin'] },
  }
  test.each(destinationStrength.filter((d) => destinations[d].timeFrame))('(b) %s: its time frame is said once, at the top', (lead) => {
    const answers = leadingWith[lead]
    expect(oracleLead(oracleFlags(answers))).toBe(lead)
    const { screenStatement, printStatement } = renderParts(answers)
    const timeFrame = destinations[lead].timeFrame!
    expect(timesSaid(screenStatement, timeFrame), `"${timeFrame}" at the top on screen: ${screenStatement}`).toBe(1)
    expect(timesSaid(printStatement, timeFrame), `"${timeFrame}" at the top in print: ${printStatement}`).toBe(1)
  })

  test('(c) when the lead is urgent, no other destination, and no other time frame, is named anywhere', () => {
    let met = 0
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const { lead, level } = expected(answers)
        if (!lead || level !== 'urgent') return
        met++
        const { view, page, print, screenText, printText } = renderParts(answers)
        const suggestions = {
          screen: [...page.querySelectorAll('[data-rule]')].map(textOf).join(' '),
          print: [...print.querySelectorAll('[data-print-rule]')].map(textOf).join(' '),
        }
        for (const other of destinationStrength.filter((d) => d !== lead)) {
          const { heading, timeFrame } = destinations[other]
          // Its heading, and the words that open it ("Book an assessment", "Talk to the prescriber or
          // a pharmacist"): the place to go. Said as an instruction (as written) anywhere; in any case
          // inside a suggestion shown beside the urgent lead. (The list to watch for names places in
          // lower case, for signs that may come later: "Pain that wakes you at night...: book an
          // assessment.")
          const place = timeFrame ? heading.replace(new RegExp(`\\s*${escape(timeFrame.split(',')[0])}$`), '') : heading
          for (const [part, text] of [['screen', screenText], ['print', printText]] as const) {
            const around = (t: string, phrase: string) => {
              const at = t.toLowerCase().indexOf(phrase.toLowerCase())
              return t.slice(Math.max(0, at - 80), at + phrase.length + 40)
            }
            const when = `in ${part} when ${lead} leads`
            expect(timesSaid(text, heading, false), `"${heading}" (${other}) ${when}`).toBe(0)
            expect(timesSaid(text, place, false), `"${place}" (${other}) ${when}: …${around(text, place)}…`).toBe(0)
            expect(timesSaid(suggestions[part], place), `"${place}" (${other}) in a suggestion ${when}: …${around(suggestions[part], place)}…`).toBe(0)
            // A time frame of a few words ("within a week or two", "today, before your next dose") is a
            // time frame wherever it is said, in any case. A single everyday word ("now", "today") is not.
            if (timeFrame && timeFrame.includes(' ') && timeFrame !== destinations[lead].timeFrame) {
              expect(timesSaid(text, timeFrame), `"${timeFrame}" (${other}) ${when}: …${around(text, timeFrame)}…`).toBe(0)
            }
          }
        }
        view.unmount()
      }),
      { numRuns: RUNS },
    )
    expect(met).toBeGreaterThan(RUNS / 4)
  }, SLOW)

  test('(d) every sign that holds is listed exactly once: leading, or under "also mention"', () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const { flags, lead } = expected(answers)
        if (!lead) return
        const { view, page, print, screenLead, printLead } = renderParts(answers)
        const leading = [...flags].filter((f) => oracleDestination[f] === lead)
        const others = [...flags].filter((f) => oracleDestination[f] !== lead)
        // Nothing listed that does not hold.
        const listed = (root: Element, attr: string) => [...root.querySelectorAll(`[${attr}]`)].map((el) => el.getAttribute(attr)!).sort()
        expect(listed(page, 'data-flag'), 'on screen').toEqual([...flags].sort())
        expect(listed(print, 'data-print-flag'), 'in print').toEqual([...flags].sort())
        // Screen: the leading signs first, each with its summary; the rest under "When you go, also mention".
        const mentionList = [...(screenLead?.querySelectorAll('p') ?? [])].find((p) => textOf(p).startsWith('When you go, also mention:'))
        expect(Boolean(mentionList), '"When you go, also mention" on screen').toBe(others.length > 0)
        for (const id of flags) {
          const items = page.querySelectorAll(`[data-flag="${id}"]`)
          expect(items.length, `${id} on screen`).toBe(1)
          expect(textOf(items[0])).toContain(flagById.get(id)!.summary)
          expect(screenLead?.contains(items[0]), `${id} in the leading block on screen`).toBe(true)
          expect(Boolean(mentionList?.contains(items[0])), `${id} under "also mention" on screen`).toBe(others.includes(id))
        }
        // Print: the same, under "When I go, I will also mention:".
        const printMentionList = [...(printLead?.querySelectorAll('p') ?? [])].find((p) => textOf(p).startsWith('When I go, I will also mention:'))
        expect(Boolean(printMentionList), '"When I go, I will also mention" in print').toBe(others.length > 0)
        for (const id of flags) {
          const items = print.querySelectorAll(`[data-print-flag="${id}"]`)
          expect(items.length, `${id} in print`).toBe(1)
          expect(textOf(items[0])).toContain(flagById.get(id)!.summary)
          expect(printLead?.contains(items[0]), `${id} in the leading block in print`).toBe(true)
          expect(Boolean(printMentionList?.contains(items[0])), `${id} under "also mention" in print`).toBe(others.includes(id))
        }
        expect(leading.length).toBeGreaterThan(0)
        view.unmount()
      }),
      { numRuns: RUNS },
    )
  }, SLOW)

  test('(e) with no sign, no destination is shown, and the screen says none matched', () => {
    let met = 0
    // Half the sets with every warning sign all clear (the rest of the answers as drawn), so that
    // most runs hold no sign; the other half as drawn, of which about a quarter hold none.
    const mostlyClear = fc.oneof(arbitraryAnswers, arbitraryAnswers.map((a): Answers => ({ ...a, ...allClear })))
    fc.assert(
      fc.property(mostlyClear, (answers) => {
        if (expected(answers).lead) return
        met++
        const { view, page, print, screenText, printText, title } = renderParts(answers)
        expect(page.querySelector('[data-destination], [data-flag]')).toBeNull()
        expect(print.querySelector('[data-print-destination], [data-print-flag]')).toBeNull()
        expect(page.querySelector('[data-status="none"]')?.textContent).toBe('None of your answers matched a warning sign.')
        expect(printText).toContain('Warning signs: none of my answers matched a warning sign.')
        expect(title).toBe('Your summary')
        for (const d of destinationStrength) {
          const { heading, timeFrame } = destinations[d]
          expect(timesSaid(screenText, heading), `"${heading}" on screen`).toBe(0)
          expect(timesSaid(printText, heading), `"${heading}" in print`).toBe(0)
          if (timeFrame?.includes(' ')) {
            expect(timesSaid(screenText, timeFrame), `"${timeFrame}" on screen`).toBe(0)
            expect(timesSaid(printText, timeFrame), `"${timeFrame}" in print`).toBe(0)
          }
        }
        view.unmount()
      }),
      { numRuns: RUNS },
    )
    // About 60% of runs hold no sign.
    expect(met).toBeGreaterThan(RUNS / 3)
  }, SLOW)
})
