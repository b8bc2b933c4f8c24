/**
 * What the result screen and the printout show, worked out once: one view model, so the two can
 * never disagree. The screens only lay it out (src/ui/screens/ResultScreen.tsx on screen,
 * src/ui/print/PrintSummary.tsx on paper). A printed or shown field starts here.
 */
import type { Destination, Factor, FullContent, Recommendation, RedFlag, RedFlags, Sources, Urgency } from '../content/schema'
import type { Answers } from '../content/schema'
import { answeredSections, formatDate, type AnswerLine } from './answerText'
import { buildResult, type Explained } from './result'
import { missingRequired, visibility } from './visibility'

/**
 * The one place to go and the one time frame that lead the result: the strongest destination of
 * any warning sign that applies. Every other sign is folded into it, to mention when they go.
 */
export interface Status {
  destination: Destination & { id: string }
  /** The warning signs that send the person there. */
  flags: Explained<RedFlag>[]
  /** Every other warning sign, strongest first, with no time frame of its own. */
  alsoMention: Explained<RedFlag>[]
  /** What to do and not do until they are seen (from the leading signs). */
  whileWaiting: string[]
}

export interface Suggestion {
  rule: Recommendation
  /** The person's answers that brought it up. */
  why: AnswerLine[]
  /** Why it is shown, in one sentence: the rule's own words, or the answers behind it. */
  whyText: string
  /** The same, kept to one line for the plan: the first answer, and a pointer to the rest below. */
  shortWhy: string
  /** Each passage it comes from, with our one-line summary of it. */
  passages: { label: string; text: string }[]
}

interface AnsweredSection {
  id: string
  title: string
  /** screening sections are mostly "No": they print as one run of text to save paper */
  screening: boolean
  lines: AnswerLine[]
}

/** How far mainstream practice agrees with a suggestion, in the words the screen and the printout use. */
export const agreementLabels: Record<Recommendation['agreement'], string> = {
  'most-agree': 'Most clinicians agree',
  differ: 'Clinicians differ',
  'article-view': "This article's view",
  general: 'General guidance, not from the article',
}
const agreementOrder: Recommendation['agreement'][] = ['most-agree', 'general', 'differ', 'article-view']

/** One line of the person's key facts for the printout: "Side: Right". */
export interface Fact {
  label: string
  value: string
}

/**
 * The key facts a practitioner reads first, in this order, each from one question (the label is the
 * question's short form unless given). A printed fact is one line here.
 */
const keyFacts: { question: string; label?: string }[] = [
  { question: 'scope.side' },
  { question: 'scope.where' },
  { question: 'pain.duration', label: 'Since' },
  { question: 'pain.onset' },
  { question: 'pain.worst' },
  { question: 'pain.trend' },
  { question: 'pain.when' },
  { question: 'training.activities' },
  { question: 'training.hours', label: 'Training a week' },
  { question: 'training.increase', label: 'Change before the pain' },
  { question: 'footwear.change', label: 'Shoe change' },
  { question: 'stretching.sore', label: 'Stretches the sore side' },
  { question: 'training.feet' },
  { question: 'training.dailyChange' },
  { question: 'tried.list', label: 'Tried' },
  { question: 'urgent.medicines', label: 'Medicines that matter for tendons' },
  { question: 'pain.eventDate' },
  { question: 'self-test.left' },
  { question: 'self-test.right' },
]

const DAY_MS = 24 * 60 * 60 * 1000
/** How long ago each answer to "How long have you had this pain?" puts the start, in days: [at least, less than]. */
const durationDays: Record<string, [number, number | undefined]> = {
  'under-2-weeks': [0, 14],
  '2-6-weeks': [14, 42],
  '6-12-weeks': [42, 91],
  '3-6-months': [91, 183],
  'over-6-months': [183, undefined],
}

/** the span of days the pain began in, from how long the person has had it: "between 20 October and 17 November 2026" */
function beganText(duration: string, today: string): string | undefined {
  const span = durationDays[duration]
  if (!span) return undefined
  const back = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10)
  const [least, most] = span
  return most === undefined ? `began before ${formatDate(back(least))}` : `began between ${formatDate(back(most - 1))} and ${formatDate(back(least))}`
}

export interface Summary {
  urgency: Urgency
  /** At most three suggestions to act on first, strongest first. */
  plan: Suggestion[]
  /** Factors where the answers raised nothing: one line each. */
  quiet: Factor[]
  /** The person's key facts, for the top of the printout. */
  facts: Fact[]
  /** Every warning-sign answer on the path, in words, for the printout. */
  warningAnswers: AnswerLine[]
  /** What leads the result; null when none of the answers matched a warning sign. */
  status: Status | null
  /** Titles of warning-sign sections left unanswered (the urgent warning let the person skip ahead). */
  unansweredScreening: string[]
  /** The article's suggestions by factor; empty when out of scope. */
  groups: { factor: Factor; suggestions: Suggestion[] }[]
  /** How many matching suggestions wait because an urgent warning applies. */
  held: number
  watchFor: string[]
  /** Every section with answers, in questionnaire order, for the full printout. */
  answered: AnsweredSection[]
  /** Every passage any suggestion cites, in label order. */
  cited: { label: string; text: string }[]
  article: Sources['article']
  printedOn: string
  versions: { app: string; rules: string }
}

/** an answer list in words: "How long: 2 to 6 weeks; Pain at rest: Yes" */
export const answersInWords = (lines: AnswerLine[]) => lines.map((l) => `${l.question}: ${l.answer}`).join('; ')

/** why a suggestion is shown, in one sentence, the same on screen and on paper */
function whyText(rule: Recommendation, why: AnswerLine[]): string {
  if (rule.why) return rule.why
  return why.length ? `You said: ${answersInWords(why)}.` : 'This applies to everyone the article is written for.'
}

/** the sentence that says what waits for the urgent check: to the person on screen, in their voice on paper */
export function heldBackText(held: number, voice: 'you' | 'me'): string {
  if (held === 0) return ''
  if (voice === 'me') return `${held === 1 ? 'One more suggestion was' : `${held} more suggestions were`} left out until a clinician has checked me.`
  return `We have left out ${held === 1 ? 'one' : held} of the article's suggestions until a clinician has checked you.`
}

/** A1…A7 (the article) before C1, C1.1, C2… (the comments), numbers in number order */
const byLabel = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true })

/** the strongest destination among the flags that hold, with everything else folded into it */
function statusOf(redFlags: RedFlags, flags: Explained<RedFlag>[]): Status | null {
  // The destinations are listed strongest first.
  const rank = (f: Explained<RedFlag>) => Object.keys(redFlags.destinations).indexOf(f.item.destination)
  const ordered = [...flags].sort((a, b) => rank(a) - rank(b))
  if (ordered.length === 0) return null
  const id = ordered[0].item.destination
  const leading = ordered.filter((f) => f.item.destination === id)
  return {
    destination: { id, ...redFlags.destinations[id] },
    flags: leading,
    alsoMention: ordered.filter((f) => f.item.destination !== id),
    whileWaiting: [...new Set(leading.flatMap((f) => f.item.whileWaiting ?? []))],
  }
}

/** the summary of these answers on this day (YYYY-MM-DD) */
export function buildSummary(
  content: FullContent & { sources: Sources; redFlags: RedFlags },
  answers: Answers,
  today: string,
  versions: { app: string; rules: string },
): Summary {
  const result = buildResult(content, answers, today)
  const v = visibility(content, answers)
  const passage = (label: string) => ({ label, text: content.sources.passages[label] ?? '' })
  const sections = answeredSections(v).map(({ section, lines }) => ({
    id: section.id,
    title: section.printTitle ?? section.title,
    screening: section.stage === 'screening',
    lines,
  }))
  const groups = result.groups.map(({ factor, suggestions }) => ({
    factor,
    suggestions: suggestions.map(({ item, why }) => {
      const text = whyText(item, why)
      return {
        rule: item,
        why,
        whyText: text,
        shortWhy: item.why || why.length <= 1 ? text : `You said: ${answersInWords(why.slice(0, 1))}; and more (below).`,
        passages: item.sources.map(passage),
      }
    }),
  }))
  // The plan: what most changes things for this person, with where clinicians agree before where they differ.
  const plan = groups
    .flatMap((g) => g.suggestions)
    .filter((s) => s.rule.strength >= 2)
    .sort(
      (a, b) =>
        b.rule.strength - a.rule.strength ||
        agreementOrder.indexOf(a.rule.agreement) - agreementOrder.indexOf(b.rule.agreement) ||
        a.rule.id.localeCompare(b.rule.id),
    )
    // Someone who needs to be seen urgently gets fewer things to do first: being seen comes first.
    .slice(0, result.urgency === 'urgent' ? 2 : 3)
  const lines = new Map(sections.flatMap((s) => s.lines.map((l) => [l.questionId, l] as const)))
  return {
    urgency: result.urgency,
    status: statusOf(content.redFlags, [...result.urgent, ...result.soon, ...result.outOfScope]),
    plan,
    quiet: v.outOfScope ? [] : content.questionnaire.factors.filter((f) => !groups.some((g) => g.factor.id === f.id)),
    facts: keyFacts.flatMap(({ question, label }) => {
      const line = lines.get(question)
      if (!line) return []
      const began = question === 'pain.duration' ? beganText(String(line.value), today) : undefined
      return [{ label: label ?? line.question, value: began ? `${line.answer} (${began})` : line.answer }]
    }),
    warningAnswers: sections.filter((s) => s.screening).flatMap((s) => s.lines),
    unansweredScreening: v.sections.filter((s) => s.stage === 'screening' && missingRequired(v, s.id).length > 0).map((s) => s.title),
    groups,
    held: result.held,
    watchFor: content.redFlags.watchFor,
    answered: sections.filter((s) => s.lines.length > 0),
    cited: [...new Set(groups.flatMap((g) => g.suggestions.flatMap((s) => s.rule.sources)))].sort(byLabel).map(passage),
    article: content.sources.article,
    printedOn: formatDate(today),
    versions,
  }
}

/** the whole result as plain text, for a record a practitioner reads in any system (the FHIR export) */
export function summaryInWords(s: Summary): string {
  const list = (items: string[]) => items.join('; ')
  const lines = [
    `Not a diagnosis. Worked out by Achilles Self-Check on ${s.printedOn} (app ${s.versions.app}, rules ${s.versions.rules}) from these answers and one practitioner's article, "${s.article.title}" (${s.article.site}).`,
  ]
  if (s.status) {
    lines.push(`Warning signs: ${s.status.destination.heading}. Because: ${list(s.status.flags.map((f) => f.item.summary))}.`)
    if (s.status.alsoMention.length) lines.push(`Also mentioned: ${list(s.status.alsoMention.map((f) => f.item.summary))}.`)
  } else lines.push('Warning signs: none of the answers matched one.')
  const suggestion = (x: Summary['plan'][number]) =>
    `${x.rule.title} (${agreementLabels[x.rule.agreement]}${x.rule.sources.length ? `; article ${x.rule.sources.join(', ')}` : ''})`
  if (s.plan.length) lines.push('To start with:', ...s.plan.map((x, i) => `${i + 1}. ${suggestion(x)}`))
  const rest = s.groups.flatMap((g) => g.suggestions).filter((x) => !s.plan.includes(x))
  if (rest.length) lines.push(`Other suggestions: ${list(rest.map(suggestion))}.`)
  return lines.join('\n')
}
