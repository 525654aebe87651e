import type { FastifySchemaCompiler } from 'fastify';
import { safeParse, type $ZodIssue, type $ZodType } from 'zod/v4/core';

/**
 * The platform's one validator for every route's params, query, headers and body. Besides each
 * route's own Zod schema it applies three rules to every input, so no route can forget them:
 * - text is text: no NUL character (PostgreSQL cannot store it) and no lone UTF-16 surrogate
 *   (it cannot be written as UTF-8, and would silently become U+FFFD);
 * - a date is a date the record can hold: a year from 1000 to 9999;
 * - a body names only the fields the route knows: an unknown key is refused, never silently dropped
 *   (a client that sends `{"state":"FRA"}` where the State is always the caller's own learns so).
 * Each failure is a 400 that names the field, like any validation error.
 */
export interface InputIssue {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message: string;
}

type Path = (string | number)[];

const issue = (keyword: string, path: Path, message: string): InputIssue => ({
  keyword,
  instancePath: `/${path.join('/')}`,
  schemaPath: '#',
  params: {},
  message,
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first string (as a value or as a key) that is not storable text, anywhere in the input. */
export function unstorableText(value: unknown, path: Path = []): InputIssue | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return issue('text', path, 'must not contain a NUL character');
    if (LONE_SURROGATE.test(value)) return issue('text', path, 'must be valid Unicode text (a lone surrogate was sent)');
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (unstorableText(key)) return issue('text', [...path, key], 'is not a valid field name');
      const found = unstorableText(v, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

const MIN_TIME = Date.UTC(1000, 0, 1);
const MAX_TIME = Date.UTC(10000, 0, 1) - 1;

/** The first date in the parsed input outside what the record holds. */
export function unrecordableDate(value: unknown, path: Path = []): InputIssue | null {
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isNaN(t) || t < MIN_TIME || t > MAX_TIME ? issue('date', path, 'must be a date from the year 1000 to 9999') : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unrecordableDate(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (isPlainObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      const found = unrecordableDate(v, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The first key the client sent that the schema did not keep: Zod drops unknown keys from objects,
 * so what was sent and what was parsed are walked side by side.
 */
export function unknownField(sent: unknown, parsed: unknown, path: Path = []): InputIssue | null {
  if (Array.isArray(sent) && Array.isArray(parsed)) {
    for (let i = 0; i < Math.min(sent.length, parsed.length); i++) {
      const found = unknownField(sent[i], parsed[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (isPlainObject(sent) && isPlainObject(parsed)) {
    for (const key of Object.keys(sent)) {
      if (!(key in parsed)) return issue('unknown', [...path, key], 'is not a field of this request');
      const found = unknownField(sent[key], parsed[key], [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

const fromZod = (issues: readonly $ZodIssue[]): InputIssue[] =>
  issues.map((i) => ({ keyword: i.code, instancePath: `/${i.path.map(String).join('/')}`, schemaPath: '#', params: {}, message: i.message }));

export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const text = unstorableText(data);
    if (text) return { error: [text] as never };
    const result = safeParse(schema, data);
    if (!result.success) return { error: fromZod(result.error.issues) as never };
    const problem = unrecordableDate(result.data) ?? (httpPart === 'body' ? unknownField(data, result.data) : null);
    if (problem) return { error: [problem] as never };
    return { value: result.data };
  };
