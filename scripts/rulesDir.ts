/**
 * Where the build and the content check read the rules: rules/, or the copy that ACHILLES_RULES_DIR
 * names. The update test builds a second version from such a copy, with changed questions and a
 * migration, to deploy over the first.
 */
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')

/** the rules/ folder in the checkout, which the app's source imports */
export const checkoutRulesDir = resolve(root, 'rules')

export const rulesDir = process.env.ACHILLES_RULES_DIR ? resolve(root, process.env.ACHILLES_RULES_DIR) : checkoutRulesDir
