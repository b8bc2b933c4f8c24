/**
 * The questionnaire in HL7 FHIR R4 (4.0.1), generated from rules/: sections become groups, questions
 * become items, and every show-when condition becomes plain `enableWhen`, worked out here and
 * never written by hand. docs/decisions/015-fhir-export.md says what maps to what and what is left out.
 *
 * The same walk reports what FHIR cannot say plainly (`questionnaireProblems`): the build and the
 * content tests fail on it, so the phone only ever converts content that was already checked.
 */
import { factsIn } from './format.ts'
import type { Condition, Content, Fact, Question, Section } from './schema'

/** The canonical base the project names its FHIR artefacts under (decision 013). */
const FHIR_BASE = 'https://achilles-self-check.app/fhir'
export const QUESTIONNAIRE_URL = `${FHIR_BASE}/Questionnaire/achilles-self-check`
/** One code system per question: the same option value means different things in different questions. */
const codeSystem = (questionId: string) => `${FHIR_BASE}/CodeSystem/${questionId}`

const HL7 = 'http://hl7.org/fhir/StructureDefinition/'
const SDC = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/'

export interface Coding {
  system: string
  code: string
  display?: string
}
export interface EnableWhen {
  question: string
  operator: 'exists' | '=' | '!=' | '>=' | '<='
  answerBoolean?: boolean
  answerCoding?: Coding
  answerInteger?: number
}
export interface FhirItem {
  linkId: string
  text?: string
  type: 'group' | 'display' | 'choice' | 'integer' | 'date' | 'text'
  extension?: object[]
  enableWhen?: EnableWhen[]
  enableBehavior?: 'all' | 'any'
  required?: boolean
  repeats?: boolean
  readOnly?: boolean
  answerOption?: { valueCoding: Coding; extension?: object[] }[]
  item?: FhirItem[]
}

/** The last group: what the app worked out, and the person's own note, for the practitioner to read. */
export const SUMMARY = { group: 'summary', result: 'summary.result', note: 'summary.note' } as const

/** One flat set of conditions, as one item's `enableWhen` can hold it. */
type Layer = { behavior: 'all' | 'any'; when: EnableWhen[] }

/**
 * Turns a condition into flat layers that all must hold: the last goes on the item itself, each one
 * before it on a group wrapped around the item (a group's condition holds for everything inside it).
 * Only "all of: facts, and any-of lists of facts" fits; a deeper mix of all and any is a problem.
 */
function layers(condition: Condition, atom: (fact: Fact, negated: boolean) => Layer | string): Layer[] | string {
  const flat = (c: Condition, negated: boolean): Layer | string => {
    if ('fact' in c) return atom(c, negated)
    if ('not' in c) return flat(c.not, !negated)
    if ('always' in c) return 'a condition that always holds: leave it out'
    // not(all) is any(not), and not(any) is all(not)
    const behavior = ('all' in c) !== negated ? 'all' : 'any'
    const parts = ('all' in c ? c.all : c.any).map((p) => flat(p, negated))
    const when: EnableWhen[] = []
    for (const part of parts) {
      if (typeof part === 'string') return part
      if (part.when.length > 1 && part.behavior !== behavior) return 'a mix of all and any'
      when.push(...part.when)
    }
    return { behavior, when }
  }
  const top = flat(condition, false)
  if (typeof top !== 'string') return [top]
  // all of [facts..., any[...]...] (after pushing any "not" inward): the facts on the item, each
  // any-list on a group around it
  const conjuncts = (c: Condition, negated: boolean): [Condition, boolean][] =>
    'all' in c && !negated ? c.all.map((p) => [p, false]) : 'any' in c && negated ? c.any.map((p) => [p, true]) : 'not' in c ? conjuncts(c.not, !negated) : [[c, negated]]
  const facts: EnableWhen[] = []
  const groups: Layer[] = []
  for (const [c, negated] of conjuncts(condition, false)) {
    const part = flat(c, negated)
    if (typeof part === 'string') return part
    if (part.behavior === 'all' || part.when.length === 1) facts.push(...part.when)
    else groups.push(part)
  }
  return [...groups, { behavior: 'all' as const, when: facts }].filter((l) => l.when.length)
}

/**
 * The enableWhen entries for one fact, or why it cannot be one. `asked` holds the questions before
 * this item, by id: a condition may only look back.
 */
function atomFor(asked: Map<string, Question>) {
  return (fact: Fact, negated: boolean): Layer | string => {
    const q = asked.get(fact.fact)
    if (!q) return `${fact.fact} is not asked before`
    const values = fact.value === undefined ? [] : ([] as (string | number)[]).concat(fact.value)
    const exists = (answered: boolean): Layer => ({ behavior: 'all', when: [{ question: q.id, operator: 'exists', answerBoolean: answered }] })
    if (fact.operator === 'answered') return exists(!negated)
    if (fact.operator === 'unanswered') return exists(negated)
    if (q.type === 'date') return 'a date condition'
    if (q.type === 'scale') {
      const n = values[0]
      if (typeof n !== 'number' || (fact.operator !== 'atLeast' && fact.operator !== 'atMost')) return `${fact.operator} does not fit ${q.id}`
      // FHIR would show "not at least n" with no answer, and the app would not
      if (negated) return `a negated number condition`
      return { behavior: 'all', when: [{ question: q.id, operator: fact.operator === 'atLeast' ? '>=' : '<=', answerInteger: n }] }
    }
    const fits = q.type === 'single' ? ['is', 'isNot', 'in'] : ['includes', 'includesAny']
    if (!fits.includes(fact.operator)) return `${fact.operator} does not fit ${q.id}`
    const codings: Coding[] = []
    for (const v of values) {
      const option = typeof v === 'string' && q.options.find((o) => o.value === v)
      if (!option) return `${q.id} has no option ${String(v)}`
      codings.push({ system: codeSystem(q.id), code: option.value })
    }
    // FHIR's != on a repeating answer holds when no answer equals the value; clients differ when the
    // list may hold other answers too, so only an option that clears the others may be negated.
    if (negated && q.type === 'multi' && fact.operator === 'includes' && !q.options.find((o) => o.value === values[0])?.exclusive)
      return `not includes ${String(values[0])}, which does not clear the others`
    if (negated && q.type === 'multi' && fact.operator !== 'includes') return 'a negated includesAny'
    const eq = (code: Coding): EnableWhen => ({ question: q.id, operator: '=', answerCoding: code })
    const ne = (code: Coding): EnableWhen => ({ question: q.id, operator: '!=', answerCoding: code })
    if (fact.operator === 'isNot') {
      // answered, and not that value; its negation: unanswered, or that value
      return negated
        ? { behavior: 'any', when: [{ question: q.id, operator: 'exists', answerBoolean: false }, eq(codings[0]!)] }
        : { behavior: 'all', when: [{ question: q.id, operator: 'exists', answerBoolean: true }, ne(codings[0]!)] }
    }
    // FHIR's != holds with no answer, as the app's "not" does
    return negated ? { behavior: 'all', when: codings.map(ne) } : { behavior: 'any', when: codings.map(eq) }
  }
}

/** the item's own condition, wrapped in a group for each layer beyond the first */
function conditioned(item: FhirItem, condition: Condition | undefined, asked: Map<string, Question>, problems: string[]): FhirItem {
  if (!condition) return item
  const made = layers(condition, atomFor(asked))
  if (typeof made === 'string') {
    problems.push(`${item.linkId}: ${made}`)
    return item
  }
  let wrapped = item
  made.reverse().forEach((layer, i) => {
    const target = i === 0 ? item : (wrapped = { linkId: `${item.linkId}.when${i}`, type: 'group', item: [wrapped] })
    target.enableWhen = layer.when
    if (layer.when.length > 1) target.enableBehavior = layer.behavior
  })
  return wrapped
}

const extension = (url: string, value: object) => ({ url, ...value })

function questionItem(q: Question): FhirItem {
  const item: FhirItem = {
    linkId: q.id,
    text: q.label,
    type: q.type === 'scale' ? 'integer' : q.type === 'date' ? 'date' : 'choice',
    extension: [extension(`${SDC}sdc-questionnaire-shortText`, { valueString: q.short })],
  }
  if (q.required) item.required = true
  if (q.type === 'multi') item.repeats = true
  if (q.type === 'scale')
    item.extension!.push(extension(`${HL7}minValue`, { valueInteger: q.min }), extension(`${HL7}maxValue`, { valueInteger: q.max }))
  if (q.type === 'single' || q.type === 'multi')
    item.answerOption = q.options.map((o) => ({
      valueCoding: { system: codeSystem(q.id), code: o.value, display: o.label },
      ...(o.exclusive && { extension: [extension(`${HL7}questionnaire-optionExclusive`, { valueBoolean: true })] }),
    }))
  if (q.hint)
    item.item = [
      {
        linkId: `${q.id}.help`,
        type: 'display',
        text: q.hint,
        extension: [
          extension(`${HL7}questionnaire-itemControl`, {
            valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'help' }] },
          }),
        ],
      },
    ]
  return item
}

/**
 * An out-of-scope warning sign ends the check: the sections after the one it is answered in are
 * shown only while none holds. Null when the questionnaire has no such exit.
 */
function exitCondition(content: Content): { after: string; condition: Condition } | null {
  const exits = content.redFlags.flags.filter((f) => f.urgency === 'out-of-scope')
  if (!exits.length) return null
  // the last section holding a question the exits read, as the flow's branchSection works it out
  const read = new Set(exits.flatMap((f) => [...factsIn(f.when)].map((x) => x.fact)))
  const after = content.questionnaire.sections.findLast((s) => s.questions.some((q) => read.has(q.id)))!.id
  return { after, condition: { not: { any: exits.map((f) => f.when) } } }
}

export function buildQuestionnaire(content: Content) {
  const problems: string[] = []
  const asked = new Map<string, Question>()
  const exit = exitCondition(content)
  const groups: FhirItem[] = []
  let inScope: FhirItem | undefined
  const sectionItem = (section: Section): FhirItem => {
    const items: FhirItem[] = section.intro ? [{ linkId: `${section.id}.intro`, type: 'display', text: section.intro }] : []
    for (const q of section.questions) {
      items.push(conditioned(questionItem(q), q.enableWhen, asked, problems))
      asked.set(q.id, q)
    }
    return {
      linkId: section.id,
      text: section.title,
      type: 'group',
      extension: [extension(`${SDC}sdc-questionnaire-shortText`, { valueString: section.short })],
      item: items,
    }
  }
  for (const section of content.questionnaire.sections) {
    const group = sectionItem(section)
    if (inScope) inScope.item!.push(group)
    else groups.push(group)
    if (exit && section.id === exit.after) {
      // The later sections go in one group (or nest deeper) that holds while no exit does.
      const holder: FhirItem = { linkId: 'in-scope', type: 'group', item: [] }
      const wrapped = conditioned(holder, exit.condition, asked, problems)
      groups.push(wrapped)
      inScope = holder
    }
  }
  // At the top level: the result and note are there for everyone, out of scope or not.
  groups.push({
    linkId: SUMMARY.group,
    text: 'For your practitioner',
    type: 'group',
    item: [
      { linkId: SUMMARY.result, text: 'What the check showed (not a diagnosis)', type: 'text', readOnly: true },
      { linkId: SUMMARY.note, text: 'What I want to ask', type: 'text' },
    ],
  })
  const questionnaire = {
    resourceType: 'Questionnaire',
    url: QUESTIONNAIRE_URL,
    version: String(content.questionnaire.version),
    name: 'AchillesSelfCheck',
    title: 'Achilles Self-Check',
    status: 'active',
    subjectType: ['Patient'],
    description:
      'A check a person fills in alone for pain at the back of the heel: warning signs first, then the factors one article blames. Not a diagnosis.',
    item: groups,
  }
  return { questionnaire, problems }
}

function duplicates(items: FhirItem[]): string[] {
  const seen = new Set<string>()
  const problems: string[] = []
  const walk = (list: FhirItem[]) =>
    list.forEach((i) => {
      if (seen.has(i.linkId)) problems.push(`two items have the linkId ${i.linkId}`)
      seen.add(i.linkId)
      walk(i.item ?? [])
    })
  walk(items)
  return problems
}

/** what in this content FHIR cannot express plainly, and linkIds used twice: the build fails on any (build and test time only) */
export function questionnaireProblems(content: Content): string[] {
  const { questionnaire, problems } = buildQuestionnaire(content)
  return [...problems, ...duplicates(questionnaire.item)]
}
