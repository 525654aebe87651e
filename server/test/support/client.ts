import type { App } from '../../src/platform/http/server.js';
import type { PlatformContext } from '../../src/platform/context.js';
import type { Role } from '../../src/kernel/actor.js';
import { inviteAccount, currentTotp } from '../../src/modules/accounts/index.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: any;
  text: string;
}

/**
 * A browser-like client over app.inject: keeps cookies, and sends the CSRF header the way the
 * web app does (the value of the poa_csrf cookie).
 */
export class Client {
  readonly cookies = new Map<string, string>();
  /** `remoteAddress`: the address the requests come from, as the socket shows it (127.0.0.1 by default). */
  constructor(
    private readonly app: App,
    private readonly options: { remoteAddress?: string } = {},
  ) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const csrf = this.cookies.get('poa_csrf');
    const res = await this.app.inject({
      method,
      url,
      ...(this.options.remoteAddress ? { remoteAddress: this.options.remoteAddress } : {}),
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' && csrf ? { 'x-csrf-token': csrf } : {}),
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let parsed: unknown = undefined;
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.statusCode, headers: res.headers, body: parsed, text: res.body };
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('PATCH', url, body ?? {}, headers);
  put = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('PUT', url, body ?? {}, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);

  /** Fetches /me first, as the web app does, to get the CSRF cookie. */
  async start(): Promise<this> {
    await this.get('/api/v1/me');
    return this;
  }
}

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  role: Role;
  state: string | null;
  totpSecret: string | null;
  recoveryCodes: string[];
  /** TOTP steps already used: each sign-in takes a new one. */
  usedSteps: Set<number>;
}

let counter = 0;

/**
 * An active account made the real way: invited, then accepted through the API with a password and,
 * for roles that need one, a second factor.
 */
export async function makeAccount(
  ctx: PlatformContext,
  app: App,
  options: { role: Role; state?: string; organisationId?: string; name?: string; email?: string },
): Promise<TestAccount> {
  counter += 1;
  const email = options.email ?? `${options.role}.${counter}.${Date.now()}@example.org`;
  const invitation = await inviteAccount(ctx, {
    actor: null,
    email,
    name: options.name ?? `Test ${options.role} ${counter}`,
    role: options.role,
    state: options.state,
    organisationId: options.organisationId,
  });
  const token = invitation.link.split('/').pop()!;
  const client = await new Client(app).start();
  const info = await client.get(`/api/v1/invitations/${token}`);
  let totpSecret: string | null = null;
  const password = `correct horse ${counter} battery staple`;
  let otp: string | undefined;
  if (info.body.secondFactorRequired) {
    const offer = await client.post(`/api/v1/invitations/${token}/second-factor`);
    totpSecret = offer.body.secret as string;
    otp = currentTotp(totpSecret);
  }
  const accepted = await client.post(`/api/v1/invitations/${token}/accept`, { password, ...(otp ? { otp } : {}) });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${accepted.text}`);
  const usedSteps = new Set<number>(totpSecret ? [Math.floor(Date.now() / 30_000)] : []);
  return {
    id: invitation.id,
    email,
    password,
    role: options.role,
    state: options.state ?? null,
    totpSecret,
    recoveryCodes: accepted.body.recoveryCodes ?? [],
    usedSteps,
  };
}

/** A TOTP code of a step this account has not used yet (within the one-step drift the server allows). */
export function freshCode(account: TestAccount): string | null {
  if (!account.totpSecret) return null;
  const now = Math.floor(Date.now() / 30_000);
  for (const step of [now, now + 1]) {
    if ([...account.usedSteps].some((s) => s >= step)) continue;
    account.usedSteps.add(step);
    return currentTotp(account.totpSecret, step * 30_000 + 1000);
  }
  return null;
}

/** A client signed in as the account: with a TOTP code while one is fresh, else a recovery code. */
export async function signedIn(app: App, account: TestAccount): Promise<Client> {
  const client = await new Client(app).start();
  const second: Record<string, string> = {};
  if (account.totpSecret) {
    const code = freshCode(account);
    if (code) second.otp = code;
    else second.recoveryCode = account.recoveryCodes.shift()!;
  }
  const res = await client.post('/api/v1/session', { email: account.email, password: account.password, ...second });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
  return client;
}
