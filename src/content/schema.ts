/**
 * The content format: what every file in `rules/` must look like.
 *
 * This module is for build and test time only (the Vite plugin and the data tests import it).
 * App code imports its *types* with `import type`, which TypeScript erases, so zod never ships
 * to a phone. See docs/decisions/002-validate-content-at-build-time.md.
 */
import { z } from 'zod'
import { Condition } from './conditionSchema.ts'

export type { Migration, MigrationChange, Migrations } from './migrationSchema.ts'

export { Condition, Fact, Operator, operators } from './conditionSchema.ts'

/** Lower-case words joined by hyphens: option values, rule ids, flag ids. */
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens')
/** A question id is `section.name`, so a trace can say which section an answer came from. */
export const questionId = z.string().regex(/^[a-z]+(-[a-z]+)*\.[a-zA-Z]+$/, 'use section.name, e.g. pain.where')
/** Passage labels from the article: A1..A7 for the body, C7.1.1 for comment replies. */
const sourceLabel = z.string().regex(/^(A\d+|C\d+(\.\d+)*)$/, 'use an article label such as A3 or C7.1')
const text = z.string().trim().min(1)

const urgencies = ['urgent', 'soon', 'out-of-scope', 'self-care'] as const
export const Urgency = z.enum(urgencies)

// ---------------------------------------------------------------------------------------------
// The questionnaire (rules/questionnaire.json): sections in the order a person meets them.

export const Option = z.strictObject({
  value: slug,
  label: text,
  /** A short explanation under the label. */
  hint: text.optional(),
  /** For multiple choice: picking this clears the others ("None of these"). */
  exclusive: z.boolean().optional(),
})

const questionBase = {
  id: questionId,
  label: text,
  hint: text.optional(),
  /** Screening questions must be answered; the rest may be skipped. */
  required: z.boolean().optional(),
  /** Shown only when this holds over the answers to earlier questions. */
  enableWhen: Condition.optional(),
  /** How the answer reads in a sentence on the result and the printout ("Pain started: …"). */
  short: text,
}

export const Question = z.discriminatedUnion('type', [
  z.strictObject({ ...questionBase, type: z.literal('single'), options: z.array(Option).min(2) }),
  z.strictObject({
    ...questionBase,
    type: z.literal('multi'),
    options: z.array(Option).min(2),
    /** Also shown as a picture to tap (src/ui/components/BodyMap.tsx): regions for the options it knows. */
    picture: z.literal('leg').optional(),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('scale'),
    min: z.number().int(),
    max: z.number().int(),
    minLabel: text,
    maxLabel: text,
  }),
  z.strictObject({ ...questionBase, type: z.literal('date') }),
])

/** Sections of stage "result" are not steps of the flow: they are offered on the result screen. */
const stages = ['screening', 'pain', 'factor', 'result'] as const

export const Section = z.strictObject({
  id: slug,
  stage: z.enum(stages),
  title: text,
  /** Short name for the progress bar and the review page. */
  short: text,
  /** The heading on the printout, in the person's voice, when it differs from the title. */
  printTitle: text.optional(),
  intro: text.optional(),
  /** The factor whose rules this section's answers mostly feed (factor sections only). */
  factor: slug.optional(),
  questions: z.array(Question).min(1),
})

export const Factor = z.strictObject({ id: slug, title: text, intro: text.optional() })

export const Questionnaire = z.strictObject({
  /** Bump when a question or option changes meaning; stored answers are migrated by it. */
  version: z.number().int().positive(),
  factors: z.array(Factor).min(1),
  sections: z.array(Section).min(1),
})

// ---------------------------------------------------------------------------------------------
// Red flags (rules/red-flags.json): warning signs that put "get assessed" first on the result.

export const RedFlag = z.strictObject({
  id: slug,
  urgency: z.enum(['urgent', 'soon', 'out-of-scope']),
  /** Where to go and how soon: a key of `destinations`, whose level must be this flag's urgency. */
  destination: slug,
  /** What the person told us, in a few words, for the top of the result and the printout. */
  summary: text,
  when: Condition,
  /** Why it matters and what to do meanwhile: one or two short sentences, with no time frame (the destination has it). */
  advice: text,
  /** Urgent flags: what to say when they get there, in the first person. */
  say: text.optional(),
  /** What to do and not do while waiting to be seen. */
  whileWaiting: z.array(text).optional(),
})

/** One place to go and one time frame: the result leads with the strongest destination that applies. */
export const Destination = z.strictObject({
  level: z.enum(['urgent', 'soon', 'out-of-scope']),
  heading: text,
  body: text,
  /** How soon, in a few words ("today", "within a week or two"); none for "this check isn't for you". */
  timeFrame: text.optional(),
})

export const RedFlags = z.strictObject({
  /** Where each flag sends the person, strongest first: the order of the keys is the order of strength. */
  destinations: z.record(slug, Destination),
  flags: z.array(RedFlag).min(1),
  /** Ends every result: what should send a person to a clinician if things change. */
  watchFor: z.array(text).min(3),
  /** The static list on the welcome screen and every out-of-scope screen, before or without any question. */
  welcomeList: z.array(text).min(3),
})

// ---------------------------------------------------------------------------------------------
// Recommendations (rules/recommendations/<id>.json): one rule per file; the file name is the id.

/** Topics where mainstream practice commonly differs from the article. */
const disputedTopics = [
  'stretching',
  'orthotics',
  'loading-exercises',
  'ice',
  'anti-inflammatories',
  'immobilisation',
  'minimal-shoes',
  'diet',
  'trigger-points',
  'return-to-activity',
] as const

export const Recommendation = z
  .strictObject({
    factor: slug,
    urgency: z.enum(['soon', 'self-care']),
    /**
     * How strongly a match points at a cause or an action, for the plan at the top: 5, a change the
     * person reported or something they do now that hurts the tendon; 3, what to do while it heals;
     * 1, the article's general view.
     */
    strength: z.number().int().min(1).max(5),
    when: Condition,
    /**
     * Why it is shown, in a sentence, for rules whose reason is something the person does not do
     * (a "No" answer reads badly as a reason); otherwise the answers behind it are listed.
     */
    why: text.optional(),
    title: text.max(90),
    body: text.max(700),
    /**
     * Where mainstream practice stands on this advice (where it differs, or that it agrees),
     * ending by suggesting they ask their own clinician. Every rule has one: the whole article
     * is one practitioner's view.
     */
    differs: text.max(400),
    /**
     * How far mainstream practice agrees: most clinicians agree; clinicians differ; this article's
     * view; or general guidance that is not from the article at all (then it cites no passage).
     */
    agreement: z.enum(['most-agree', 'differ', 'article-view', 'general']),
    /** Rules this one rules out for the same person: a result never shows both. */
    excludes: z.array(slug).optional(),
    /** Disputed topics the rule touches, for reviewers and tests. */
    topics: z.array(z.enum(disputedTopics)).optional(),
    /**
     * Left out while an urgent warning applies: the advice loads, walks on or massages the leg,
     * which could harm a torn tendon or move a clot before the person has been checked.
     */
    holdWhenUrgent: z.boolean().optional(),
    sources: z.array(sourceLabel),
  })

export const Sources = z.strictObject({
  article: z.strictObject({ title: text, kind: text, /** Where it is published, so a practitioner can find it. */ site: text }),
  passages: z.record(sourceLabel, text),
})

// ---------------------------------------------------------------------------------------------
// Golden cases (rules/cases/<name>.json): answers in, expected result out.

export const AnswerValue = z.union([z.string(), z.number(), z.array(z.string())])

export const GoldenCase = z.strictObject({
  description: text,
  /** The day the person answers, for date questions (event date); the tests' default day when absent. */
  today: z.iso.date().optional(),
  answers: z.record(questionId, AnswerValue),
  expect: z.strictObject({
    urgency: Urgency,
    redFlags: z.array(slug),
    /** Every rule id that must be shown, and no others. */
    rules: z.array(slug),
  }),
})

export type Urgency = z.infer<typeof Urgency>
export type Option = z.infer<typeof Option>
export type Question = z.infer<typeof Question>
export type Section = z.infer<typeof Section>
export type Factor = z.infer<typeof Factor>
export type Questionnaire = z.infer<typeof Questionnaire>
export type RedFlag = z.infer<typeof RedFlag>
export type RedFlags = z.infer<typeof RedFlags>
export type Destination = z.infer<typeof Destination>
export type RecommendationData = z.infer<typeof Recommendation>
export type Recommendation = RecommendationData & { id: string }
export type Sources = z.infer<typeof Sources>
export type GoldenCase = z.infer<typeof GoldenCase>
export type AnswerValue = z.infer<typeof AnswerValue>
export type Answers = Record<string, AnswerValue>

/** The flow's content: what decides which questions show and which warnings hold. */
export interface Content {
  questionnaire: Questionnaire
  redFlags: RedFlags
}

/** All the content the result needs: the flow's, plus the recommendation rules. */
export interface FullContent extends Content {
  recommendations: Recommendation[]
}
