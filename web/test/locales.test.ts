import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../src/app/languages';

const here = path.dirname(fileURLToPath(import.meta.url));
const src = path.join(here, '..', 'src');

type Tree = { [key: string]: string | Tree };
const load = (lang: string): Tree => JSON.parse(readFileSync(path.join(src, 'locales', `${lang}.json`), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseOf = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** The keys a language must have: every plain key of English, and each plural in the language's own forms. */
function expectedKeys(lang: string, english: Map<string, string>): Set<string> {
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of english.keys()) {
    if (PLURAL.test(key)) for (const c of categories) keys.add(`${baseOf(key)}_${c}`);
    else keys.add(key);
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'locales' ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Strings that are the same in every language: numbers, dates and pure placeholders. */
const SAME_EVERYWHERE = new Set([
  'home.next.oewgWhen',
  'home.next.conferenceWhen',
  'account.endSessionOf',
  'account.device',
  // Placeholders only ("CSV: Official documents"), and "initiative(s)", the same word in French.
  'openData.download',
  // Placeholders only: two States' names and an arrow, then the kind of message.
  'contacts.threads.route',
  'initiatives.found_one',
  'initiatives.found_other',
  // Placeholders only: "Drafts (3)", a count by kind on the search page.
  'search.kindCount',
]);

const english = flatten(load('en'));

describe('locale files', () => {
  for (const lang of LANGUAGES) {
    describe(lang, () => {
      const strings = flatten(load(lang));
      const expected = expectedKeys(lang, english);

      it('has every key, in the plural forms the language needs', () => {
        const missing = [...expected].filter((k) => !strings.has(k));
        expect(missing, `missing in ${lang}.json`).toEqual([]);
      });

      it('has no key that English does not have', () => {
        const extra = [...strings.keys()].filter((k) => !expected.has(k));
        expect(extra, `unknown keys in ${lang}.json`).toEqual([]);
      });

      it('has no empty string, and the same placeholders as English', () => {
        for (const [key, value] of strings) {
          expect(value.trim(), `${lang}:${key} is empty`).not.toBe('');
          const en = english.get(key) ?? english.get(`${baseOf(key)}_other`) ?? '';
          // A plural form may name its number in words ("دولتان") instead of {{count}}.
          const mine = placeholders(value).filter((p) => p !== 'count');
          const theirs = placeholders(en).filter((p) => p !== 'count');
          expect(mine, `${lang}:${key} placeholders`).toEqual(theirs);
        }
      });

      if (lang !== 'en') {
        it('is translated, not a copy of English', () => {
          const same = [...strings].filter(([key, value]) => english.get(key) === value && !SAME_EVERYWHERE.has(key));
          // A single word may be spelt alike ("Organisation", "Code"); a sentence may not.
          const copied = same.filter(([, value]) => /\s/.test(value.trim())).map(([key]) => key);
          expect(copied, `${lang}.json sentences identical to English`).toEqual([]);
          expect(same.length, `${lang}.json words identical to English: ${same.map(([k]) => k).join(', ')}`).toBeLessThan(strings.size * 0.05);
        });
      }
    });
  }

  it('has no key that the source never uses', () => {
    const code = sourceFiles(src)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const used = (key: string) => code.includes(`'${key}'`) || code.includes(`"${key}"`) || code.includes(`\`${key}\``);
    const unused = [...new Set([...english.keys()].map(baseOf))].filter((key) => !used(key));
    expect(unused, 'keys in en.json that no source file uses').toEqual([]);
  });

  it('fails on a key used in the source but missing from English', () => {
    const code = sourceFiles(src)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const bases = new Set([...english.keys()].map(baseOf));
    const calls = [...code.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1] as string);
    expect(calls.length).toBeGreaterThan(50);
    expect(calls.filter((k) => !bases.has(k))).toEqual([]);
  });
});
