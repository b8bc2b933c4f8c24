/**
 * The saved file's checksum, worked out here as someone with a text editor and a hash tool could,
 * and not with the app's own code (src/domain/record/exportFile.ts): "sha256-" followed by the
 * base64 SHA-256 of the file's other fields written as canonical JSON (object keys sorted at every
 * level, no spaces, fields with no value left out).
 */
import { createHash } from 'node:crypto'

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return '[' + value.map((item) => canonical(item)).join(',') + ']'
  const keys = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
  return '{' + keys.map((key) => JSON.stringify(key) + ':' + canonical((value as Record<string, unknown>)[key])).join(',') + '}'
}

/** the checksum a file with these fields (everything but `integrity`) must carry */
export function oracleChecksum(fields: Record<string, unknown>): string {
  return 'sha256-' + createHash('sha256').update(canonical(fields), 'utf8').digest('base64')
}

/** the file written again with a checksum that matches its (changed) content */
export function oracleReseal(file: Record<string, unknown>): string {
  const { integrity: _, ...fields } = file
  return JSON.stringify({ ...fields, integrity: oracleChecksum(fields) }, null, 2)
}
