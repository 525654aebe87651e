import type { Localized } from '../../../kernel/languages.js';

/**
 * The agenda of a meeting, as pure rules: ordered items with sub-items, each linked to the framework
 * elements it concerns, numbered as the UN numbers them (1, 2, 2 (a) …). An agenda is revised by
 * new versions until one is adopted; the adopted one is frozen.
 */

export interface AgendaEntryInput {
  /** Keeps an item's identity across revisions: give the key it had to keep statements and documents attached. */
  key?: string | undefined;
  title: Localized;
  elements?: readonly string[] | undefined;
}
export interface AgendaItemInput extends AgendaEntryInput {
  items?: readonly AgendaEntryInput[] | undefined;
}

export interface AgendaSubItem {
  key: string;
  number: string;
  title: Localized;
  elements: string[];
}
export interface AgendaItem extends AgendaSubItem {
  items: AgendaSubItem[];
}

export const MAX_AGENDA_ITEMS = 60;
export const MAX_SUB_ITEMS = 26;
export const AGENDA_KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** (a), (b) … (z). */
const letter = (i: number) => String.fromCharCode(97 + i);

export type AgendaCheck = { ok: true; items: AgendaItem[]; elements: string[] } | { ok: false; errors: { field: string; message: string }[] };

/**
 * Checks an agenda and numbers it. Keys must be unique across the whole agenda; an item without one
 * gets a new key from `newKey`. Returns every framework element code it mentions, for the caller
 * to check they exist.
 */
export function buildAgenda(input: readonly AgendaItemInput[], newKey: () => string): AgendaCheck {
  const errors: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  const elements = new Set<string>();
  const keyOf = (key: string | undefined, field: string): string => {
    if (key === undefined) {
      let k = newKey();
      while (seen.has(k)) k = newKey();
      seen.add(k);
      return k;
    }
    if (!AGENDA_KEY.test(key)) errors.push({ field, message: 'lower-case letters, digits and hyphens' });
    else if (seen.has(key)) errors.push({ field, message: `the key ${key} is used twice` });
    seen.add(key);
    return key;
  };
  const codesOf = (codes: readonly string[] | undefined, field: string): string[] => {
    const unique = [...new Set(codes ?? [])];
    if (unique.length !== (codes ?? []).length) errors.push({ field, message: 'an element is listed twice' });
    for (const c of unique) elements.add(c);
    return unique;
  };
  if (input.length === 0) errors.push({ field: 'body.items', message: 'an agenda has at least one item' });
  if (input.length > MAX_AGENDA_ITEMS) errors.push({ field: 'body.items', message: `at most ${MAX_AGENDA_ITEMS} items` });
  const items = input.map((item, i): AgendaItem => {
    const at = `body.items.${i}`;
    const subs = item.items ?? [];
    if (subs.length > MAX_SUB_ITEMS) errors.push({ field: `${at}.items`, message: `at most ${MAX_SUB_ITEMS} sub-items` });
    const number = String(i + 1);
    return {
      key: keyOf(item.key, `${at}.key`),
      number,
      title: item.title,
      elements: codesOf(item.elements, `${at}.elements`),
      items: subs.map((sub, j) => ({
        key: keyOf(sub.key, `${at}.items.${j}.key`),
        number: `${number} (${letter(j)})`,
        title: sub.title,
        elements: codesOf(sub.elements, `${at}.items.${j}.elements`),
      })),
    };
  });
  return errors.length ? { ok: false, errors } : { ok: true, items, elements: [...elements] };
}

/** Every item and sub-item of an agenda, in order. */
export function flattenAgenda(items: readonly AgendaItem[]): AgendaSubItem[] {
  return items.flatMap((i) => [{ key: i.key, number: i.number, title: i.title, elements: i.elements }, ...i.items]);
}

/** Where the fields of unknown element codes are, for a validation problem. */
export function unknownElementErrors(input: readonly AgendaItemInput[], known: ReadonlySet<string>): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  input.forEach((item, i) => {
    for (const c of item.elements ?? []) if (!known.has(c)) errors.push({ field: `body.items.${i}.elements`, message: `no framework element ${c}` });
    (item.items ?? []).forEach((sub, j) => {
      for (const c of sub.elements ?? []) if (!known.has(c)) errors.push({ field: `body.items.${i}.items.${j}.elements`, message: `no framework element ${c}` });
    });
  });
  return errors;
}

export type AgendaStatus = 'draft' | 'adopted';

/** A revision is allowed until an agenda is adopted; the adopted version is frozen. */
export const mayRevise = (versions: readonly { status: AgendaStatus }[]): boolean => !versions.some((v) => v.status === 'adopted');

/** How the versions are called: the provisional agenda, its revisions, the adopted agenda. */
export function agendaLabel(v: { version: number; status: AgendaStatus }): string {
  if (v.status === 'adopted') return v.version === 1 ? 'Agenda (adopted)' : `Agenda (adopted, Rev.${v.version - 1})`;
  return v.version === 1 ? 'Provisional agenda' : `Provisional agenda, Rev.${v.version - 1}`;
}
