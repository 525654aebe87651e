import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testPlatform, type TestPlatform } from './platform.js';
import { Client, makeAccount, signedIn } from './client.js';

/**
 * A generated bad-input pass over every operation of the OpenAPI document, as one kind of caller
 * (the public, the Secretariat, a focal point: one test file each, so that the three run on both
 * workers at once): each path parameter, query parameter and body field in turn takes NUL
 * characters, lone surrogates, huge and negative numbers, wrong types and extreme dates. No answer
 * may be a 5xx, and every error must be problem+json.
 */
const BAD: unknown[] = [
  'a\u0000b',
  '\ud800',
  'x'.repeat(5000),
  1e308,
  -1,
  -1e308,
  {},
  [],
  true,
  null,
  '0000-01-01',
  '-1',
  '275760-09-14',
  '9999-12-31T23:59:59.999Z',
];

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  minimum?: number;
  minLength?: number;
}
interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** A plausible value of a schema: what a client that read the document would send. */
function sample(schema: Schema | undefined): unknown {
  if (!schema) return 'x';
  if (schema.enum?.length) return schema.enum[0];
  const alt = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (alt) return sample(alt);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((k) => [k, sample(schema.properties?.[k])]));
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      if (schema.format === 'date-time') return '2030-01-01T00:00:00Z';
      if (schema.format === 'uuid') return randomUUID();
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
  }
}

const asQueryValue = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
/** Percent-encodes as a hostile client would: a lone surrogate goes out as the bytes of one (invalid UTF-8). */
const encode = (v: string) => v.split(/([\ud800-\udfff])/).map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part))).join('');
/** Sent as they are, not encoded: a malformed escape, a NUL byte, an encoded lone surrogate, a parameter past the router's limit. */
const RAW = ['%', '%E0%A4%A', '%00', '%ED%A0%80', 'y'.repeat(600)];

type Caller = 'public' | 'secretariat' | 'focal point';

async function clientFor(p: TestPlatform, who: Caller): Promise<Client> {
  if (who === 'public') return new Client(p.app).start();
  if (who === 'secretariat') return signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'secretariat' }));
  return signedIn(p.app, await makeAccount(p.ctx, p.app, { role: 'focal_point', state: 'CHL' }));
}

/** The pass for one kind of caller, on a platform of its own. */
export function badInputPass(who: Caller): void {
  let p: TestPlatform;
  let client: Client;
  beforeAll(async () => {
    p = await testPlatform();
    client = await clientFor(p, who);
  });
  afterAll(() => p.close());

  describe('a generated bad-input pass over every operation', () => {
    it(`answers no 5xx and only problem+json errors, as ${who === 'public' ? 'the public' : who === 'secretariat' ? 'the Secretariat' : 'a focal point'}`, { timeout: 900_000 }, async () => {
      const doc = (await client.get('/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
      const failures: string[] = [];
      let sent = 0;
      for (const [template, operations] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(operations)) {
          // Signing out or ending sessions would turn the signed-in clients into the public half-way.
          if (who !== 'public' && /\/session/.test(template) && method !== 'get') continue;
          const params = op.parameters ?? [];
          const pathParams = params.filter((x) => x.in === 'path');
          const queryParams = params.filter((x) => x.in === 'query');
          const bodySchema = op.requestBody?.content?.['application/json']?.schema;
          const basePath = Object.fromEntries(pathParams.map((x) => [x.name, String(sample(x.schema))]));
          const baseBody = bodySchema ? sample(bodySchema) : undefined;
          const attempts: { path: Record<string, string>; query: Record<string, string>; body: unknown; what: string; raw?: boolean }[] = [];
          for (const raw of RAW) {
            for (const x of pathParams) attempts.push({ path: { ...basePath, [x.name]: raw }, query: {}, body: baseBody, what: `raw path ${x.name}=${raw.slice(0, 20)}`, raw: true });
            for (const x of queryParams) attempts.push({ path: basePath, query: { [x.name]: raw }, body: baseBody, what: `raw query ${x.name}=${raw.slice(0, 20)}`, raw: true });
          }
          for (const bad of BAD) {
            for (const x of pathParams) attempts.push({ path: { ...basePath, [x.name]: asQueryValue(bad) }, query: {}, body: baseBody, what: `path ${x.name}=${JSON.stringify(bad)?.slice(0, 30)}` });
            for (const x of queryParams) attempts.push({ path: basePath, query: { [x.name]: asQueryValue(bad) }, body: baseBody, what: `query ${x.name}=${JSON.stringify(bad)?.slice(0, 30)}` });
            if (bodySchema) {
              attempts.push({ path: basePath, query: {}, body: bad, what: `body=${JSON.stringify(bad)?.slice(0, 30)}` });
              for (const field of Object.keys(bodySchema.properties ?? {})) {
                attempts.push({ path: basePath, query: {}, body: { ...(baseBody as object), [field]: bad }, what: `body.${field}=${JSON.stringify(bad)?.slice(0, 30)}` });
              }
            }
          }
          for (const a of attempts) {
            const enc = (v: string) => (a.raw ? v : encode(v));
            const path = template.replace(/\{(\w+)\}/g, (_, name: string) => (name in a.path ? enc(a.path[name]!) : encode(String(basePath[name] ?? 'x'))));
            const query = Object.entries(a.query).map(([k, v]) => `${encode(k)}=${enc(v)}`).join('&');
            const url = query ? `${path}?${query}` : path;
            const res = await client.request(method.toUpperCase() as 'GET', url, method === 'get' || method === 'delete' ? undefined : (a.body ?? {}));
            sent++;
            const type = String(res.headers['content-type'] ?? '');
            if (res.status >= 500) failures.push(`${who}: ${method.toUpperCase()} ${template} ${a.what} → ${res.status} ${res.text.slice(0, 200)}`);
            else if (res.status >= 400 && !type.startsWith('application/problem+json')) failures.push(`${who}: ${method.toUpperCase()} ${template} ${a.what} → ${res.status} as ${type}`);
          }
        }
      }
      expect(sent).toBeGreaterThan(1500);
      expect(failures).toEqual([]);
    });
  });
}
