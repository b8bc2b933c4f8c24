/**
 * Which app and which rules are running, printed on the summary and written into exported files.
 * The values are fixed at build time (scripts/buildInfo.ts).
 */
import { questionnaire } from './questionnaire'

declare const __APP_VERSION__: string
declare const __RULES_FINGERPRINT__: string

export const appVersion: string = __APP_VERSION__
/** The questionnaire's version number and a fingerprint of every file in rules/, e.g. "1 (a3f9c2d1)". */
export const rulesVersion = `${questionnaire.version} (${__RULES_FINGERPRINT__})`
