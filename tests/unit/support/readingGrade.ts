/**
 * Reading grade of the app's words: every text a person reads, gathered from rules/, with the
 * Flesch-Kincaid grade counted from words, sentences and syllables (the `syllable` package counts
 * syllables; `flesch-kincaid` applies the formula).
 */
import { fleschKincaid } from 'flesch-kincaid'
import { syllable } from 'syllable'
import type { ContentFiles } from '../../../src/content/checkContent'

/** One string a person reads, and where it lives. */
export type Text = { file: string; field: string; text: string }

export type Counts = { sentence: number; word: number; syllable: number }

/** Abbreviations whose full stop does not end a sentence. */
const abbreviations = /\b(e\.g\.|i\.e\.|etc\.|vs\.|approx\.|Dr\.|Mr\.|Mrs\.|Ms\.)/gi

/**
 * Sentences: split after a full stop, question mark or exclamation mark that is followed by a
 * space (so "3.5" and "e.g." stay whole), and at line breaks. A label with no closing mark
 * ("Under 16") is one sentence.
 */
export function sentences(text: string): string[] {
  return text
    .replace(abbreviations, (a) => a.replace(/\./g, ''))
    .split(/(?<=[.!?]["”’)]?)\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => words(s).length > 0)
}

/** Words: split at spaces, hyphens, dashes and slashes ("calf-raise" is two words, as it reads). */
export function words(text: string): string[] {
  return text
    .split(/[\s\-–—/]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
}

/** Syllables in a word; a number is read aloud, so count about one syllable a digit. */
function syllables(word: string): number {
  if (/^[\d.,]+$/.test(word)) return Math.max(1, word.replace(/\D/g, '').length)
  return Math.max(1, syllable(word))
}

export function count(text: string): Counts {
  const found = sentences(text)
  const all = found.flatMap(words)
  return { sentence: Math.max(1, found.length), word: all.length, syllable: all.reduce((n, w) => n + syllables(w), 0) }
}

export const add = (a: Counts, b: Counts): Counts => ({ sentence: a.sentence + b.sentence, word: a.word + b.word, syllable: a.syllable + b.syllable })

/** Flesch-Kincaid grade (US school grade; grade 7 is about a reading age of 12). */
export function grade(counts: Counts): number {
  return counts.word ? fleschKincaid(counts) : 0
}

export const round = (n: number) => Math.round(n * 10) / 10

// ---------------------------------------------------------------------------------------------
// Every text a person reads.

type Option = { value: string; label: string; hint?: string }
type Question = { id: string; label: string; hint?: string; short?: string; minLabel?: string; maxLabel?: string; options?: Option[] }
type Section = { id: string; title: string; short?: string; printTitle?: string; intro?: string; questions: Question[] }
type Questionnaire = { factors: { id: string; title: string; intro?: string }[]; sections: Section[] }
type Flag = { id: string; summary: string; advice: string; say?: string; whileWaiting?: string[] }
type RedFlags = {
  destinations: Record<string, { heading: string; body: string }>
  flags: Flag[]
  watchFor: string[]
  welcomeList: string[]
}
type Rule = { title: string; body: string; differs: string; why?: string }

export const QUESTIONNAIRE = 'rules/questionnaire.json'

export function texts(content: ContentFiles): Text[] {
  const out: Text[] = []
  const put = (file: string, field: string, text: string | undefined) => {
    if (text?.trim()) out.push({ file, field, text })
  }

  const q = content.questionnaire as Questionnaire
  for (const f of q.factors) {
    put(QUESTIONNAIRE, `factors[${f.id}].title`, f.title)
    put(QUESTIONNAIRE, `factors[${f.id}].intro`, f.intro)
  }
  for (const s of q.sections) {
    for (const key of ['title', 'short', 'printTitle', 'intro'] as const) put(QUESTIONNAIRE, `sections[${s.id}].${key}`, s[key])
    for (const question of s.questions) {
      for (const key of ['label', 'hint', 'short', 'minLabel', 'maxLabel'] as const) put(QUESTIONNAIRE, `${question.id}.${key}`, question[key])
      for (const o of question.options ?? []) {
        put(QUESTIONNAIRE, `${question.id}.options[${o.value}].label`, o.label)
        put(QUESTIONNAIRE, `${question.id}.options[${o.value}].hint`, o.hint)
      }
    }
  }

  const file = 'rules/red-flags.json'
  const r = content.redFlags as RedFlags
  for (const [id, d] of Object.entries(r.destinations)) {
    put(file, `destinations[${id}].heading`, d.heading)
    put(file, `destinations[${id}].body`, d.body)
  }
  for (const f of r.flags) {
    for (const key of ['summary', 'advice', 'say'] as const) put(file, `flags[${f.id}].${key}`, f[key])
    for (const [i, tip] of (f.whileWaiting ?? []).entries()) put(file, `flags[${f.id}].whileWaiting[${i}]`, tip)
  }
  for (const [i, line] of r.watchFor.entries()) put(file, `watchFor[${i}]`, line)
  for (const [i, line] of r.welcomeList.entries()) put(file, `welcomeList[${i}]`, line)

  for (const [id, rule] of Object.entries(content.recommendations as Record<string, Rule>)) {
    for (const key of ['title', 'body', 'differs', 'why'] as const) put(`rules/recommendations/${id}.json`, key, rule[key])
  }

  for (const [label, summary] of Object.entries((content.sources as { passages: Record<string, string> }).passages)) {
    put('rules/sources.json', `passages[${label}]`, summary)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// The check.

export const LIMITS = {
  /** The grade of all the text read together. */
  overall: 7,
  /** The grade of any one string of at least `minWords` words. */
  single: 9,
  minWords: 10,
}

export type Measured = Text & { words: number; grade: number }

export type Report = {
  overall: number
  measured: Measured[]
  /** strings of `minWords` words or more above the single-string limit, worst first */
  offenders: Measured[]
}

export function measure(all: Text[]): Report {
  let total: Counts = { sentence: 0, word: 0, syllable: 0 }
  const measured = all.map((t) => {
    const c = count(t.text)
    total = add(total, c)
    return { ...t, words: c.word, grade: grade(c) }
  })
  const offenders = measured.filter((m) => m.words >= LIMITS.minWords && m.grade > LIMITS.single).sort((a, b) => b.grade - a.grade)
  return { overall: grade(total), measured, offenders }
}

export const describeText = (m: Measured) => `${m.file}: ${m.field} (grade ${round(m.grade)}, ${m.words} words): "${m.text}"`
