/**
 * What the app says stays general advice, never a diagnosis, never a reason to drop a clinician's
 * treatment, and never self-care for someone the check is not for (hazards H3, H4 and H5 in
 * docs/safety/hazard-log.md).
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { questionnaire, redFlags } from '../../src/content/questionnaire'
import { recommendations, sources } from '../../src/content/recommendations'
import type { Answers } from '../../src/content/schema'
import { buildResult } from '../../src/domain/result'
import { render } from '@testing-library/react'
import { PrintSummary } from '../../src/ui/print/PrintSummary'
import { ResultScreen } from '../../src/ui/screens/ResultScreen'
import { calm } from './support/answers'
import { arbitraryAnswers } from './support/arbitraryAnswers'
import { oracleOutOfScope } from './support/oracleFlags'
import { resultScreenProps } from './support/resultScreen'

const content = { questionnaire, redFlags, recommendations, sources }
const TODAY = '2026-11-24'

/** every text a person reads that comes from rules/, with where it is */
const texts: [string, string][] = [
  ...questionnaire.sections.flatMap((s) => [
    [`${s.id}.title`, s.title] as [string, string],
    ...(s.intro ? [[`${s.id}.intro`, s.intro] as [string, string]] : []),
    ...s.questions.flatMap((q) => [
      [q.id, q.label] as [string, string],
      ...(q.hint ? [[`${q.id}.hint`, q.hint] as [string, string]] : []),
      ...('options' in q ? q.options.flatMap((o) => [[`${q.id}=${o.value}`, `${o.label} ${o.hint ?? ''}`] as [string, string]]) : []),
    ]),
  ]),
  ...redFlags.flags.flatMap((f) => [[`flag ${f.id}`, [f.summary, f.advice, f.say ?? '', ...(f.whileWaiting ?? [])].join(' ')] as [string, string]]),
  ...Object.entries(redFlags.destinations).map(([id, d]) => [`destination ${id}`, `${d.heading} ${d.body}`] as [string, string]),
  ...recommendations.map((r) => [`rule ${r.id}`, [r.title, r.body, r.differs, r.why ?? ''].join(' ')] as [string, string]),
]

const conditions = '(tendin\\w*|tendon tear|rupture\\w*|bursitis|haglund\\w*|a clot|dvt|deep vein|an infection|a fracture|arthritis|plantar fasciitis)'
const saysTheyHaveIt = new RegExp(`\\byou (have|'ve got|probably have|may have|might have|likely have|are suffering from) (a |an )?${conditions}`, 'i')
const chance = /\b\d+\s?%|\b(probability|chances?) (of|that)\b|\byou (probably|most likely|likely) (have|are)\b|\bthis is (probably|likely) (a |an )?\w+/i
/** the texts that name a condition as the person's, or give a chance of one */
const diagnoses = (all: [string, string][]) => all.filter(([, t]) => saysTheyHaveIt.test(t) || chance.test(t))

describe('never a diagnosis', () => {
  test('no text tells the person they have a condition, or gives a chance or percentage of one', () => {
    expect(diagnoses(texts)).toEqual([])
  })

  test('the check would catch a diagnosis written into a rule', () => {
    const written: [string, string][] = [
      ['rule a', 'You probably have Achilles tendinopathy.'],
      ['rule b', 'There is a 70% chance this is a tear.'],
      ['rule c', 'You may have a rupture.'],
    ]
    expect(diagnoses([...texts, ...written]).map(([where]) => where)).toEqual(['rule a', 'rule b', 'rule c'])
  })

  test('the summary says it is not a diagnosis, and names whose advice it is, on screen and in print', () => {
    const props = resultScreenProps(calm, TODAY)
    const { container, unmount } = render(<ResultScreen warningSigns={redFlags.welcomeList} {...props} />)
    expect(container.textContent).toMatch(/This is not a diagnosis/)
    expect(container.textContent).toContain(sources.article.title)
    unmount()
    const printed = render(<PrintSummary summary={props.summary} note="" />).container.textContent
    expect(printed).toMatch(/It is not a diagnosis/)
    expect(printed).toContain(sources.article.title)
  })
})

describe("never overruling a clinician's treatment", () => {
  test('every rule says where other clinicians stand and sends the person back to their own', () => {
    for (const r of recommendations) {
      expect(r.differs, r.id).toMatch(/\b(clinician|physio\w*|doctor|GP|practitioner|podiatrist|pharmacist)s?\b/i)
      expect(r.differs, r.id).toMatch(/\b(ask|talk to|check with)\b/i)
    }
  })

  test('no text tells anyone to stop, skip or ignore what a clinician prescribed', () => {
    const overrule = /\b(stop|quit|skip|ignore|throw away|get rid of|don't (use|take|wear)|do not (use|take|wear))\b[^.]*\b(prescri\w*|your (doctor|physio\w*|clinician|GP)'?s?|medicines?|tablets|antibiotics?|orthotics|boot|splint)\b/i
    // a sentence that sends the decision back to the prescriber, or warns against stopping alone, is the opposite
    const backToClinician = /\b(talk to|ask|check with|get advice|decide with you|on your own)\b/i
    const sentences = texts.flatMap(([where, t]) => t.split(/(?<=[.!?])\s+/).map((s) => [where, s] as const))
    expect(sentences.filter(([, s]) => overrule.test(s) && !backToClinician.test(s))).toEqual([])
    expect(overrule.test('Stop wearing the orthotics your podiatrist prescribed.')).toBe(true)
  })

  test.each<[string, Answers, string, string | undefined]>([
    ['someone a clinician is treating', { ...calm, 'tried.list': ['under-care', 'ice'], 'tried.who': ['physio'] }, 'under-clinician-care', undefined],
    ['someone with orthotics a clinician prescribed', { ...calm, 'orthotics.use': 'daily', 'orthotics.prescribed': 'yes' }, 'orthotics-prescribed', 'orthotics-work-off'],
    [
      'someone in a boot a clinician suggested',
      { ...calm, 'tried.list': ['boot'], 'tried.immobilisedBy': 'clinician' },
      'boot-or-splint-clinician',
      'boot-or-splint-self',
    ],
  ])('%s is told to keep to that plan and talk to the clinician first, never to drop it', (_who, answers, keep, never) => {
    const shown = buildResult(content, answers, TODAY).groups.flatMap((g) => g.suggestions.map((s) => s.item.id))
    expect(shown).toContain(keep)
    const rule = recommendations.find((r) => r.id === keep)!
    expect(`${rule.title} ${rule.body}`).toMatch(/keep (to|following|using)/i)
    if (never) expect(shown).not.toContain(never)
  })
})

describe('no self-care advice for someone the check is not for', () => {
  test('for random answers, an out-of-scope person gets no suggestion at all, only where to go', () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const result = buildResult(content, answers, TODAY)
        if (!oracleOutOfScope(answers)) return
        expect(result.groups).toEqual([])
        expect(result.outOfScope.length).toBeGreaterThan(0)
      }),
      { numRuns: 1500 },
    )
  })
})
