import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Actor, Role } from '../../kernel/actor.js';
import { rowsOf } from '../../platform/db/database.js';
import { tokenHash } from './credentials.js';
import type { SessionRules } from './sessions.js';
import { sessions } from './tables.js';

interface SessionRow {
  session_id: string;
  csrf_token: string;
  last_seen_at: string | Date;
  account_id: string;
  name: string;
  state: string | null;
  organisation_id: string | null;
  roles: Role[] | null;
}

/**
 * Finds the actor of a session token: one indexed query. A session idle for too long, past its
 * absolute end, or of an account no longer active, finds nobody.
 */
export async function resolveSession(db: Db, token: string, rules: SessionRules): Promise<{ actor: Actor; csrf: string } | null> {
  if (token.length > 100) return null;
  const idleSince = new Date(Date.now() - rules.idleMinutes * 60_000);
  const result = await db.execute(sql`
    SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, a.id AS account_id, a.name, a.state, a.organisation_id,
           (SELECT array_agg(r.role ORDER BY r.role) FROM account_roles r WHERE r.account_id = a.id) AS roles
    FROM sessions s JOIN accounts a ON a.id = s.account_id
    WHERE s.token_hash = ${tokenHash(token)} AND s.expires_at > now() AND s.last_seen_at > ${idleSince.toISOString()}
      AND a.status = 'active'`);
  const row = rowsOf<SessionRow>(result)[0];
  if (!row) return null;
  // Keep the session alive, writing at most once a minute.
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, row.session_id));
  }
  return {
    csrf: row.csrf_token,
    actor: {
      accountId: row.account_id,
      sessionId: row.session_id,
      name: row.name,
      roles: row.roles ?? [],
      state: row.state,
      organisation: row.organisation_id,
    },
  };
}
