/**
 * Limits checked on the raw text of a saved copy or a file before anything parses or walks it: the
 * code that reads JSON, works out a checksum or checks answers calls itself once per level, so a
 * few thousand levels of brackets would overflow the browser's stack and fail with no message.
 */

/** Far deeper than anything this app writes (a file nests 5 levels, a saved copy 4). */
export const MAX_JSON_DEPTH = 20

/** whether the JSON text nests no deeper than `max` levels; a plain loop, so any text is safe to check */
export function jsonDepthWithin(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      // A backslash escapes the next character, which may be a quote.
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return false
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return true
}
