/**
 * The questionnaire and red flags bundled into the app. They are checked against the schema at
 * build and test time (the Vite plugin in vite.config.ts, tests/unit/content.test.ts), so here they are
 * only typed, not validated again on every phone.
 */
import questionnaireJson from '../../rules/questionnaire.json'
import migrationsJson from '../../rules/migrations.json'
import redFlagsJson from '../../rules/red-flags.json'
import type { Content, Migration, Migrations, Questionnaire, RedFlags } from './schema'

export const questionnaire = questionnaireJson as unknown as Questionnaire
export const redFlags = redFlagsJson as unknown as RedFlags
/** How answers given to an older version of the questionnaire are carried forward (src/domain/record/migrate.ts). */
export const migrations: readonly Migration[] = (migrationsJson as unknown as Migrations).migrations

/** Both together, as the flow's pure functions take them. */
export const flowContent: Content = { questionnaire, redFlags }
