import { parseArgs } from 'node:util';
import { startPlatform } from '../start.js';
import { inviteAccount } from '../modules/accounts/index.js';
import { sendQueuedMail } from '../platform/mail/queue.js';

const usage = `Usage: npm run admin -- create-secretariat --email EMAIL --name "FULL NAME"

  create-secretariat   creates a Secretariat account and prints a single-use link
                       to set its password and second factor (valid 7 days)`;

/** npm run admin -- …: administration of the platform from its own machine. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
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
