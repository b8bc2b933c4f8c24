/**
 * The format of rules/migrations.json: what changed from one questionnaire version to the next, so
 * answers saved or exported under an older version can be carried forward. Build and test time
 * only, like ./schema.ts.
 */
import { z } from 'zod'
import { questionId, slug } from './schema.ts'


export const MigrationChange = z.union([
  /** The question got a new id; its answer moves with it. */
  z.strictObject({ rename: questionId, to: questionId }),
  /** Option values changed: old value → new value (also inside multiple-choice answers). */
  z.strictObject({ question: questionId, values: z.record(slug, slug) }),
  /** The question is gone (or changed so much that the old answer means nothing). */
  z.strictObject({ remove: questionId }),
  /** Keep the answer, but ask the person to look at it again. */
  z.strictObject({ recheck: questionId }),
  /** A question folded into another: its answer, mapped, becomes options of a multiple-choice answer. */
  z.strictObject({ merge: questionId, into: questionId, values: z.record(slug, slug) }),
  /** Options that are gone: taken out of multiple-choice answers (a single answer with one is dropped). */
  z.strictObject({ question: questionId, drop: z.array(slug).min(1) }),
])

export const Migration = z.strictObject({
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  changes: z.array(MigrationChange).min(1),
})

export const Migrations = z.strictObject({ migrations: z.array(Migration) })

export type MigrationChange = z.infer<typeof MigrationChange>
export type Migration = z.infer<typeof Migration>
export type Migrations = z.infer<typeof Migrations>
