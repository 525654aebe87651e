import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlatformContext } from './platform/context.js';
import { buildHttpServer, type App, type RegisteredRoute } from './platform/http/server.js';
import { healthRoute } from './platform/health.js';
import { auditCheckpointRoutes } from './platform/audit/routes.js';
import { idempotencyStore } from './platform/idempotency/store.js';
import { accountsRoutes, resolveSession } from './modules/accounts/index.js';
import { statesRoutes } from './modules/states/index.js';
import { frameworkRoutes, frameworkSearchSource } from './modules/framework/index.js';
import { amendmentsOfState, amendmentsSearchSource, decisionsRoutes, draftsOfBody, draftsSearchSource, outcomesSearchSource } from './modules/decisions/index.js';
import { publicReportsOfState, reportDraftsSearchSource, reportingRoutes, reportSectionsSearchSource } from './modules/reporting/index.js';
import { documentsRoutes, documentsSearchSource } from './modules/documents/index.js';
import { meetingRoll, meetingsRoutes, meetingsSearchSource, publicStatementsOfState, publishedDelegationsOfState, statementsSearchSource } from './modules/meetings/index.js';
import { groupsOfState, groupsRoutes, groupsSearchSource, workingGroups } from './modules/groups/index.js';
import { openDataRoutes, openDatasets } from './modules/open-data/index.js';
import { initiativesRoutes, initiativesSearchSource } from './modules/initiatives/index.js';
import { updatesRoutes } from './modules/updates/index.js';
import { contactsRoutes } from './modules/contacts/index.js';
import { capacityNeedsSearchSource, capacityOffersSearchSource, capacityRoutes, publicCapacityOfState } from './modules/capacity/index.js';
import { stakeholdersRoutes, writtenInputsSearchSource } from './modules/stakeholders/index.js';
import { searchRoutes } from './modules/search/index.js';
import { agendaRoutes } from './modules/agenda/index.js';
import { followsRoutes, scheduleNotices } from './modules/follows/index.js';
import { listenToAudit } from './platform/audit/record.js';

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface BuildOptions {
  logger?: boolean | NodeJS.WritableStream;
  /** Serve the built web app; off in API tests. */
  serveWeb?: boolean;
}

/** The platform's HTTP app: the shell from `platform/http` with every module's routes. */
export async function buildApp(ctx: PlatformContext, options: BuildOptions = {}): Promise<{ app: App; routes: RegisteredRoute[] }> {
  const rules = { idleMinutes: ctx.config.sessionIdleMinutes, maxDays: ctx.config.sessionMaxDays };
  const { app, routes } = await buildHttpServer({
    config: ctx.config,
    logger: options.logger,
    sessions: { resolve: (token) => resolveSession(ctx.database.db, token, rules) },
    idempotency: idempotencyStore(ctx.database.db),
    datasets: openDatasets(ctx.database.db, ctx.database.versions),
    afterWrite: () => ctx.database.versions.wrote(),
  });
  // Cached public reads learn of changes by LISTEN/NOTIFY: listening before the first request.
  await ctx.database.versions.listen();
  healthRoute(app, ctx.database);
  auditCheckpointRoutes(app, ctx.database, ctx.auditSigner);
  accountsRoutes(app, ctx);
  // A State's page gathers from the modules that own each part, through their public read functions.
  statesRoutes(app, ctx, {
    reports: publicReportsOfState,
    statements: publicStatementsOfState,
    delegations: publishedDelegationsOfState,
    amendments: amendmentsOfState,
    groups: groupsOfState,
    capacity: publicCapacityOfState,
  });
  frameworkRoutes(app, ctx);
  decisionsRoutes(app, ctx, { roll: meetingRoll, groups: workingGroups });
  reportingRoutes(app, ctx);
  documentsRoutes(app, ctx);
  meetingsRoutes(app, ctx);
  groupsRoutes(app, ctx, { draftsOf: draftsOfBody });
  openDataRoutes(app, ctx);
  initiativesRoutes(app, ctx);
  updatesRoutes(app, ctx);
  contactsRoutes(app, ctx);
  capacityRoutes(app, ctx);
  stakeholdersRoutes(app, ctx);
  agendaRoutes(app, ctx);
  followsRoutes(app, ctx);
  // Every recorded change is asked, in its transaction, whether someone follows what it concerns.
  listenToAudit('follows', scheduleNotices);
  // One search over everything: each module's own source, with its own visibility rule.
  searchRoutes(app, ctx, {
    sources: [
      frameworkSearchSource,
      documentsSearchSource,
      outcomesSearchSource,
      draftsSearchSource,
      amendmentsSearchSource,
      reportSectionsSearchSource,
      reportDraftsSearchSource,
      statementsSearchSource,
      meetingsSearchSource,
      groupsSearchSource,
      initiativesSearchSource,
      capacityNeedsSearchSource,
      capacityOffersSearchSource,
      writtenInputsSearchSource,
    ],
  });
  if (options.serveWeb) {
    const { serveWebApp } = await import('./platform/http/web-app.js');
    await serveWebApp(app, ctx.config.webDist ?? webDist);
  }
  await app.ready();
  return { app, routes };
}
