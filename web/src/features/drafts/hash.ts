/**
 * The content hash of an adopted text, computed in the browser exactly as the server does
 * (server/src/modules/decisions/revisions.ts `contentHash` with platform/audit/canonical.ts):
 * SHA-256, in lower-case hex, of the UTF-8 bytes of the JSON of `{ title, paragraphs: [{ key, kind, text }] }`
 * with the keys of every object sorted (JavaScript's default sort) and no spaces.
 */

export interface HashedParagraph {
  key: string;
  kind: string;
  text: string;
}

function sortKeys(value: unknown): unknown {
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

/** The exact bytes hashed, as text: useful to show what is proved. */
export function canonicalText(title: string, paragraphs: readonly HashedParagraph[]): string {
  return JSON.stringify(sortKeys({ title, paragraphs: paragraphs.map((p) => ({ key: p.key, kind: p.kind, text: p.text })) }));
}

/** SHA-256 (hex) of the text, with the Web Crypto API the browser provides. */
export async function contentHashInBrowser(title: string, paragraphs: readonly HashedParagraph[]): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalText(title, paragraphs));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
