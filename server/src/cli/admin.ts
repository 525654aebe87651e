import path from 'node:path';
import { parseArgs } from 'node:util';
import { startPlatform } from '../start.js';
import { loadConfig } from '../platform/config.js';
import { createAuditKeyFile } from '../platform/audit/signing-key.js';
import { inviteAccount } from '../modules/accounts/index.js';
import { sendQueuedMail } from '../platform/mail/queue.js';

const usage = `Usage: npm run admin -- create-secretariat --email EMAIL --name "FULL NAME"
       npm run admin -- audit-key [--out FILE]

  create-secretariat   creates a Secretariat account and prints a single-use link
                       to set its password and second factor (valid 7 days)
  audit-key            creates the Ed25519 key that signs checkpoints of the audit chain, in FILE
                       (default: AUDIT_KEY_FILE, or DATA_DIR/audit-signing-key.pem); never overwrites one`;

/** Creates the checkpoint signing key, outside the database, and prints what to publish and keep. */
function createAuditKey(rest: string[]): number {
  const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } }, strict: true });
  const config = loadConfig();
  const file = values.out ?? ('file' in config.auditKey ? config.auditKey.file : undefined);
  if (!file) {
    console.error('AUDIT_SIGNING_KEY is set: the platform already has its key. Give --out FILE to make another.');
    return 2;
  }
  try {
    const signer = createAuditKeyFile(path.resolve(file));
    console.log(`Audit signing key written to ${path.resolve(file)} (readable by its owner only).`);
    console.log(`Keep a copy off this machine and out of database backups. Key id: ${signer.keyId}`);
    console.log(`Public key (published at /api/v1/audit/checkpoints):\n${signer.publicKeyPem}`);
    if (values.out) console.log(`Point the platform at it with AUDIT_KEY_FILE=${path.resolve(file)}`);
    return 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      console.error(`${file} already exists: a key is never overwritten (checkpoints signed with it would no longer verify).`);
      return 1;
    }
    throw error;
  }
}

/** npm run admin -- …: administration of the platform from its own machine. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'audit-key') return createAuditKey(rest);
  if (command !== 'create-secretariat') {
    console.error(usage);
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true });
  if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email) || !values.name?.trim()) {
    console.error(`Give a valid --email and a --name.\n\n${usage}`);
    return 2;
  }
  const ctx = await startPlatform();
  try {
    const invitation = await inviteAccount(ctx, { actor: null, email: values.email, name: values.name, role: 'secretariat' });
    // The invitation leaves now rather than when a server next runs the mail jobs.
    await sendQueuedMail(ctx.database.db, ctx.mailer);
    console.log(`Secretariat account created for ${invitation.email}.`);
    console.log(`Open this single-use link before ${invitation.expiresAt.toISOString()} to set the password and second factor:`);
    console.log(invitation.link);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await ctx.database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
