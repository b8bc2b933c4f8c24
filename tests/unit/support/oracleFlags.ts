/**
 * An independent oracle for the warning signs: which red flags a careful clinician would say hold
 * for a set of answers, written by hand from the red-flag list (rules/red-flags.json, version 2 of
 * the questionnaire) as plain reasoning about the person, not by evaluating the JSON conditions and
 * not through src/domain. A wrong rule, a wrong condition engine or a wrong visibility pass all
 * disagree with it.
 *
 * Only what the person could see counts. The few visibility facts it needs are written out here:
 *  - a plainer follow-up ("...Plain") only counts after "Not sure" on its parent question;
 *  - "examined since" only after a snap (or "Not sure", then "yes"/"Not sure" to the plainer question);
 *  - the clot-risk list only when the calf hurts or the calf question was "yes"/"Not sure";
 *  - breathlessness only when a clot is suspected from the calf, or a clot risk was ticked;
 *  - "diabetes or less feeling" only with broken skin; "still taking" only with that antibiotic;
 *  - what happened since an operation only after "yes" to the operation;
 *  - an answer in the scope section that puts the person out of scope (under 16, an operation on
 *    this tendon or heel, or pain only outside the calf, tendon and back of the heel) ends the
 *    path there: nothing asked after the scope section counts.
 */
import type { AnswerValue, Answers } from '../../../src/content/schema'

/** Where each destination sends the person, strongest first (a clinician's order of urgency). */
export const destinationStrength = [
  'emergency-now',
  'today',
  'prescriber-today',
  'assessment-soon',
  'prescriber-soon',
  'surgical-team',
  'not-for-this-check',
] as const
export type DestinationId = (typeof destinationStrength)[number]

/** Where each warning sign sends the person, and how urgent it is, written out by hand. */
export const oracleDestination = {
  'possible-rupture': 'today',
  'cannot-bear-weight': 'today',
  'possible-clot-lungs': 'emergency-now',
  'possible-clot': 'today',
  'possible-infection': 'today',
  'wound-with-diabetes': 'today',
  'fluoroquinolone-taking': 'prescriber-today',
  'fluoroquinolone-recent': 'prescriber-today',
  'antibiotic-unknown': 'prescriber-today',
  'post-op-snap': 'today',
  'post-op-infection': 'today',
  'post-op-calf': 'today',
  'steroid-injection': 'assessment-soon',
  'steroid-tablets': 'prescriber-soon',
  'statin-started': 'prescriber-soon',
  'pain-at-rest': 'assessment-soon',
  'inflammatory-pattern': 'assessment-soon',
  'nerve-symptoms': 'assessment-soon',
  'lasting-swelling': 'assessment-soon',
  'long-or-worsening': 'assessment-soon',
  'sudden-start': 'assessment-soon',
  'under-16': 'not-for-this-check',
  'after-surgery': 'surgical-team',
  'not-achilles': 'not-for-this-check',
} as const satisfies Record<string, DestinationId>
export type FlagId = keyof typeof oracleDestination

export const levelOfDestination: Record<DestinationId, 'urgent' | 'soon' | 'out-of-scope'> = {
  'emergency-now': 'urgent',
  today: 'urgent',
  'prescriber-today': 'urgent',
  'assessment-soon': 'soon',
  'prescriber-soon': 'soon',
  'surgical-team': 'out-of-scope',
  'not-for-this-check': 'out-of-scope',
}

const is = (v: AnswerValue | undefined, ...values: string[]) => typeof v === 'string' && values.includes(v)
const ticks = (v: AnswerValue | undefined, ...values: string[]) => Array.isArray(v) && values.some((x) => v.includes(x))
const yesOrUnsure = (v: AnswerValue | undefined) => is(v, 'yes', 'unsure')

/** The pain sites this check is made for. */
const achillesSites = ['calf', 'mid-tendon', 'lump', 'insertion', 'bump']

/** whether an answer in the scope section ends the path there */
export function oracleOutOfScope(a: Answers): boolean {
  const where = a['scope.where']
  return is(a['scope.age'], 'under-16') || is(a['scope.surgery'], 'yes') || (Array.isArray(where) && !ticks(where, ...achillesSites))
}

/** The few "is this question on screen" facts the warning signs need, over the answers as given. */
function seen(a: Answers) {
  const snapFelt = is(a['urgent.snap'], 'yes') || (is(a['urgent.snap'], 'unsure') && yesOrUnsure(a['urgent.snapPlain']))
  const calfSuspect = is(a['urgent.calf'], 'yes') || (is(a['urgent.calf'], 'unsure') && yesOrUnsure(a['urgent.calfPlain']))
  const clotRiskShown = ticks(a['scope.where'], 'calf') || is(a['urgent.calf'], 'yes', 'unsure')
  const clotRisk = clotRiskShown && ticks(a['urgent.clotRisk'], 'surgery', 'cast', 'bed', 'journey')
  return {
    outOfScope: oracleOutOfScope(a),
    operated: is(a['scope.surgery'], 'yes'),
    snapFelt,
    calfSuspect,
    clotRiskShown,
    clotRisk,
    breathShown: calfSuspect || clotRisk,
  }
}

/** The warning signs that should hold for these answers, as a careful clinician would read them. */
export function oracleFlags(a: Answers): Set<FlagId> {
  const s = seen(a)
  const flags = new Set<FlagId>()
  const raise = (id: FlagId, when: boolean) => {
    if (when) flags.add(id)
  }

  // The scope section: who the check is for, and what happened since an operation.
  raise('under-16', is(a['scope.age'], 'under-16'))
  raise('after-surgery', s.operated)
  raise('not-achilles', Array.isArray(a['scope.where']) && !ticks(a['scope.where'], ...achillesSites))
  const sinceSurgery = s.operated ? a['scope.sinceSurgery'] : undefined
  raise('post-op-snap', ticks(sinceSurgery, 'new-snap'))
  raise('post-op-infection', ticks(sinceSurgery, 'wound', 'fever'))
  raise('post-op-calf', ticks(sinceSurgery, 'calf'))
  if (s.outOfScope) return flags

  // Signs that need help today (or now).
  raise('possible-rupture', s.snapFelt && is(a['urgent.seenSince'], 'no'))
  raise('cannot-bear-weight', is(a['urgent.weightNow'], 'none') || (is(a['urgent.weightNow'], 'unsure') && is(a['urgent.weightPlain'], 'no', 'unsure')))
  raise('possible-clot', s.calfSuspect || (ticks(a['scope.where'], 'calf') && s.clotRisk))
  raise('possible-clot-lungs', s.breathShown && is(a['urgent.breath'], 'yes'))
  const heel = a['urgent.heel']
  const feverish = is(a['urgent.fever'], 'yes') || (is(a['urgent.fever'], 'unsure') && yesOrUnsure(a['urgent.feverPlain']))
  raise('possible-infection', ticks(heel, 'red-hot') || (ticks(heel, 'unsure') && yesOrUnsure(a['urgent.heelPlain'])) || feverish)
  raise('wound-with-diabetes', ticks(heel, 'broken') && yesOrUnsure(a['urgent.feet']))
  const medicines = a['urgent.medicines']
  const fluoroquinolone = ticks(medicines, 'fluoroquinolone')
  raise('fluoroquinolone-taking', fluoroquinolone && is(a['urgent.stillTaking'], 'yes'))
  raise('fluoroquinolone-recent', fluoroquinolone && is(a['urgent.stillTaking'], 'no'))
  raise('antibiotic-unknown', ticks(medicines, 'unsure') && yesOrUnsure(a['urgent.medicinesPlain']))

  // Signs worth an assessment, or a word with the prescriber, within a week or two.
  raise('steroid-injection', ticks(medicines, 'steroid-injection'))
  raise('steroid-tablets', ticks(medicines, 'steroid-tablets'))
  raise('statin-started', ticks(medicines, 'statin'))
  const signs = a['soon.signs']
  raise('pain-at-rest', ticks(signs, 'night'))
  raise('nerve-symptoms', ticks(signs, 'numb'))
  raise('lasting-swelling', ticks(signs, 'swelling'))
  raise('inflammatory-pattern', (is(a['scope.side'], 'both') || ticks(signs, 'stiffness')) && ticks(signs, 'joints', 'psoriasis', 'eye', 'back'))
  raise('long-or-worsening', is(a['pain.duration'], '3-6-months', 'over-6-months') || is(a['pain.trend'], 'worse'))
  raise('sudden-start', is(a['pain.onset'], 'sudden'))
  return flags
}

/** the strongest destination among these flags; null when none holds */
export function oracleLead(flags: Iterable<FlagId>): DestinationId | null {
  const destinations = new Set([...flags].map((f) => oracleDestination[f]))
  return destinationStrength.find((d) => destinations.has(d)) ?? null
}

export const oracleUrgent = (flags: Iterable<FlagId>) => [...flags].some((f) => levelOfDestination[oracleDestination[f]] === 'urgent')

/**
 * The required warning-sign questions a person on this path is asked (the flow refuses the summary
 * while one is blank, unless an urgent warning already leads it). Written out by hand.
 */
export function oracleAskedScreening(a: Answers): string[] {
  const s = seen(a)
  const asked = ['scope.age', 'scope.surgery', ...(s.operated ? ['scope.sinceSurgery'] : []), 'scope.where', 'scope.side']
  if (s.outOfScope) return asked
  const snap = a['urgent.snap']
  asked.push('urgent.snap')
  if (is(snap, 'unsure')) asked.push('urgent.snapPlain')
  if (s.snapFelt) asked.push('urgent.seenSince')
  asked.push('urgent.weightNow')
  if (is(a['urgent.weightNow'], 'unsure')) asked.push('urgent.weightPlain')
  asked.push('urgent.calf')
  if (is(a['urgent.calf'], 'unsure')) asked.push('urgent.calfPlain')
  if (s.clotRiskShown) asked.push('urgent.clotRisk')
  if (s.breathShown) asked.push('urgent.breath')
  asked.push('urgent.heel')
  if (ticks(a['urgent.heel'], 'unsure')) asked.push('urgent.heelPlain')
  if (ticks(a['urgent.heel'], 'broken')) asked.push('urgent.feet')
  asked.push('urgent.fever')
  if (is(a['urgent.fever'], 'unsure')) asked.push('urgent.feverPlain')
  asked.push('urgent.medicines')
  if (ticks(a['urgent.medicines'], 'fluoroquinolone')) asked.push('urgent.stillTaking')
  if (ticks(a['urgent.medicines'], 'unsure')) asked.push('urgent.medicinesPlain')
  asked.push('soon.signs')
  return asked
}
