import { existsSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { articlePath, readContent } from '../../scripts/readContent'
import { checkContent } from '../../src/content/checkContent'

const files = readContent()

describe('the content in rules/', () => {
  test('every file fits the schema and every reference resolves', () => {
    expect(checkContent(files)).toEqual([])
  })

  test('the source labels are checked against the article itself', () => {
    // CI clones the project with shared/ beside it; without the article this check would be empty.
    expect(existsSync(articlePath)).toBe(true)
    expect(files.articleLabels?.has('A3')).toBe(true)
    expect(files.articleLabels?.has('C7.1.1.1.1')).toBe(true)
  })

  test('the check names the file and the field of a broken rule', () => {
    const broken = structuredClone(files)
    const [id] = Object.keys(broken.recommendations)
    broken.recommendations[id] = { ...(broken.recommendations[id] as object), sources: ['Z9'] }
    broken.recommendations['Bad_Name'] = { factor: 'nope' }
    expect(checkContent(broken)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`rules/recommendations/${id}.json: sources.0`),
        expect.stringContaining('rules/recommendations/Bad_Name.json: the file name'),
      ]),
    )
  })

  test('the check catches a condition on a question or option that does not exist', () => {
    const broken = structuredClone(files)
    const [id] = Object.keys(broken.recommendations)
    broken.recommendations[id] = {
      ...(broken.recommendations[id] as object),
      when: { all: [{ fact: 'footwear.colour', operator: 'is', value: 'red' }, { fact: 'scope.side', operator: 'is', value: 'middle' }] },
    }
    const problems = checkContent(broken)
    expect(problems).toContain(`rules/recommendations/${id}.json: when: "footwear.colour" is not a question that comes before it`)
    expect(problems).toContain(`rules/recommendations/${id}.json: when: "middle" is not an option of "scope.side"`)
  })

  test('the check catches a source label that the article does not have', () => {
    const broken = structuredClone(files)
    ;(broken.sources as { passages: Record<string, string> }).passages['C99.1'] = 'made up'
    expect(checkContent(broken)).toContain('rules/sources.json: "C99.1" is not a passage of the article')
  })

  test('every screening question feeds a red flag', () => {
    const broken = structuredClone(files)
    const flags = (broken.redFlags as { flags: { id: string }[] }).flags
    ;(broken.redFlags as { flags: unknown[] }).flags = flags.filter((f) => f.id !== 'cannot-bear-weight')
    expect(checkContent(broken)).toContain('rules/red-flags.json: screening question "urgent.weightPlain" triggers no flag')
  })
})

describe('warning signs: one destination, one time frame, and a plainer question after "Not sure"', () => {
  type Flag = { id: string; urgency: string; destination: string; advice: string; say?: string }
  const withFlags = (change: (flags: Flag[]) => void) => {
    const broken = structuredClone(files)
    change((broken.redFlags as { flags: Flag[] }).flags)
    return checkContent(broken)
  }

  test('a flag whose destination is missing, or of another level, is reported', () => {
    expect(withFlags((flags) => (flags.find((f) => f.id === 'possible-clot')!.destination = 'the-moon'))).toContain(
      'rules/red-flags.json: flag "possible-clot": destination "the-moon" is not in destinations',
    )
    expect(withFlags((flags) => (flags.find((f) => f.id === 'possible-clot')!.destination = 'assessment-soon'))).toContain(
      'rules/red-flags.json: flag "possible-clot": goes to "assessment-soon", a soon destination, but is urgent',
    )
  })

  test('a time frame written into a flag\'s advice is reported: only its destination says how soon', () => {
    const problems = withFlags((flags) => (flags.find((f) => f.id === 'pain-at-rest')!.advice = 'See a doctor within a week.'))
    expect(problems).toContain('rules/red-flags.json: flag "pain-at-rest": "within" is a time frame; only its destination says how soon')
  })

  test('a destination says how soon once, in its heading, and never again in its body', () => {
    const broken = structuredClone(files)
    const destinations = (broken.redFlags as { destinations: Record<string, { heading: string; body: string }> }).destinations
    destinations.today.heading = 'Get medical help'
    destinations['assessment-soon'].body = 'Book an appointment within the next week or two.'
    const problems = checkContent(broken)
    expect(problems).toContain('rules/red-flags.json: destination "today": its heading does not say "today"')
    expect(problems).toContain('rules/red-flags.json: destination "assessment-soon": its body says "within"; the heading alone says how soon')
  })

  test('an urgent question that offers "Not sure" without a plainer follow-up is reported', () => {
    const broken = structuredClone(files)
    const sections = (broken.questionnaire as { sections: { questions: { id: string }[] }[] }).sections
    for (const s of sections) s.questions = s.questions.filter((q) => q.id !== 'urgent.calfPlain')
    const flags = (broken.redFlags as { flags: { id: string; when: unknown }[] }).flags
    flags.find((f) => f.id === 'possible-clot')!.when = { fact: 'urgent.calf', operator: 'in', value: ['yes', 'unsure'] }
    ;(broken.redFlags as { flags: unknown[] }).flags = flags
    expect(checkContent(broken)).toContain('rules/questionnaire.json: "urgent.calf" offers "Not sure" on an urgent sign but has no plainer follow-up question')
  })

  test('every urgent question asked of everyone that offers "Not sure" has its follow-up, shown only after "Not sure"', () => {
    const questionnaire = files.questionnaire as { sections: { id: string; questions: { id: string; enableWhen?: unknown; options?: { value: string }[] }[] }[] }
    const urgent = questionnaire.sections.find((s) => s.id === 'urgent')!
    const withUnsure = urgent.questions.filter((q) => !q.enableWhen && q.options?.some((o) => o.value === 'unsure')).map((q) => q.id)
    // Written out by hand: the follow-up each of them gets.
    expect(withUnsure).toEqual(['urgent.snap', 'urgent.weightNow', 'urgent.calf', 'urgent.heel', 'urgent.fever', 'urgent.medicines'])
    const onUnsure = (q: { enableWhen?: unknown }) => /^\{"fact":"[^"]+","operator":"(is|includes)","value":"unsure"\}$/.test(JSON.stringify(q.enableWhen ?? ''))
    const followUps = urgent.questions.filter(onUnsure).map((q) => q.id)
    expect(followUps).toEqual(['urgent.snapPlain', 'urgent.weightPlain', 'urgent.calfPlain', 'urgent.heelPlain', 'urgent.feverPlain', 'urgent.medicinesPlain'])
  })
})

describe('the migrations in rules/migrations.json', () => {
  /** the content with the questionnaire at `version` and these migrations */
  const withMigrations = (version: number, migrations: unknown[]) => {
    const files2 = structuredClone(files)
    ;(files2.questionnaire as { version: number }).version = version
    files2.migrations = { migrations }
    return files2
  }

  test('a version bump without a migration fails with a message that says what to add', () => {
    expect(checkContent(withMigrations(2, []))).toEqual([
      'rules/migrations.json: no migration from version 1 to 2. rules/questionnaire.json is at version 2: add a migration that says what changed (rename, values, remove or recheck), so saved answers can be carried forward',
    ])
  })

  test('a gap in the chain is reported', () => {
    const problems = checkContent(withMigrations(3, [{ from: 2, to: 3, changes: [{ recheck: 'scope.side' }] }]))
    expect(problems).toEqual([expect.stringContaining('rules/migrations.json: no migration from version 1 to 2.')])
  })

  test('a migration that skips a version, or goes past the questionnaire, is reported', () => {
    const problems = checkContent(withMigrations(2, [{ from: 1, to: 3, changes: [{ recheck: 'scope.side' }] }]))
    expect(problems).toEqual(
      expect.arrayContaining([
        'rules/migrations.json: migration from 1 to 3: a migration goes up one version at a time (from 1 to 2)',
        "rules/migrations.json: migration from 1 to 3: goes past the questionnaire's version (2)",
      ]),
    )
  })

  test('the last migration must point at questions and options that exist today', () => {
    const problems = checkContent(
      withMigrations(2, [
        {
          from: 1,
          to: 2,
          changes: [
            { rename: 'pain.which', to: 'pain.whichSide' },
            { question: 'scope.side', values: { l: 'left', m: 'middle' } },
            { question: 'pain.worst', values: { high: 'ten' } },
            { question: 'pain.colour', values: { red: 'crimson' } },
            { recheck: 'pain.shape' },
            { remove: 'pain.colour' },
            { question: 'scope.side', drop: ['left'] },
          ],
        },
      ]),
    )
    expect(problems).toEqual([
      'rules/migrations.json: migration from 1 to 2: renames to "pain.whichSide", which is not a question',
      'rules/migrations.json: migration from 1 to 2: "middle" is not an option of "scope.side"',
      'rules/migrations.json: migration from 1 to 2: values of "pain.worst", which has no options',
      'rules/migrations.json: migration from 1 to 2: values of "pain.colour", which is not a question',
      'rules/migrations.json: migration from 1 to 2: recheck "pain.shape" is not a question',
      'rules/migrations.json: migration from 1 to 2: drops "left", which is still an option of "scope.side"',
    ])
  })

  test('a complete chain whose last step points at real questions passes', () => {
    const ok = withMigrations(3, [
      { from: 1, to: 2, changes: [{ rename: 'pain.gone', to: 'pain.renamedLater' }] },
      { from: 2, to: 3, changes: [{ rename: 'pain.renamedLater', to: 'scope.side' }, { question: 'scope.side', values: { l: 'left' } }] },
    ])
    expect(checkContent(ok)).toEqual([])
  })

  test('a change of an unknown kind names the file and the field', () => {
    const problems = checkContent(withMigrations(2, [{ from: 1, to: 2, changes: [{ swap: 'scope.side' }] }]))
    expect(problems).toEqual([expect.stringContaining('rules/migrations.json: migrations.0.changes.0')])
  })
})
