import { createHash } from 'node:crypto';

/**
 * JSON with keys sorted at every level, so the same facts always give the same bytes and the same hash.
 * Dates become ISO strings; undefined properties are left out, as JSON does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The digest of a set of facts: SHA-256 of their canonical JSON. */
export const digestOf = (value: unknown): string => sha256Hex(canonicalJson(value));
