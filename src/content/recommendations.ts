/**
 * The recommendation rules and source summaries bundled into the app: one rule per file in
 * rules/recommendations/, the file name being the rule id. Only the result screens need them,
 * so they load with the wizard, not with the first screen.
 */
import sourcesJson from '../../rules/sources.json'
import type { Recommendation, RecommendationData, Sources } from './schema'

const files = import.meta.glob<RecommendationData>('../../rules/recommendations/*.json', {
  eager: true,
  import: 'default',
})

/** the rule id a file name gives: rules/recommendations/wean-off-orthotics.json → wean-off-orthotics */
function ruleIdFromPath(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.json$/, '')
}

export const recommendations: Recommendation[] = Object.entries(files)
  .map(([path, data]) => ({ ...data, id: ruleIdFromPath(path) }))
  .sort((a, b) => a.id.localeCompare(b.id))

export const sources = sourcesJson as unknown as Sources
