import { existsSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { articlePath, readContent } from '../../scripts/readContent'
import { checkContent } from '../../src/engine/checkContent'

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
      when: { all: [{ fact: 'footwear.colour', operator: 'is', value: 'red' }, { fact: 'pain.side', operator: 'is', value: 'middle' }] },
    }
    const problems = checkContent(broken)
    expect(problems).toContain(`rules/recommendations/${id}.json: when: "footwear.colour" is not a question that comes before it`)
    expect(problems).toContain(`rules/recommendations/${id}.json: when: "middle" is not an option of "pain.side"`)
  })

  test('the check catches a source label that the article does not have', () => {
    const broken = structuredClone(files)
    ;(broken.sources as { passages: Record<string, string> }).passages['C99.1'] = 'made up'
    expect(checkContent(broken)).toContain('rules/sources.json: "C99.1" is not a passage of the article')
  })

  test('every screening question feeds a red flag', () => {
    const broken = structuredClone(files)
    const flags = (broken.redFlags as { flags: { id: string }[] }).flags
    ;(broken.redFlags as { flags: unknown[] }).flags = flags.filter((f) => f.id !== 'nerve-symptoms')
    expect(checkContent(broken)).toContain('rules/red-flags.json: screening question "soon.nerve" triggers no flag')
  })
})
