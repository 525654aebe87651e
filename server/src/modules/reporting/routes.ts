import { hasRole, isSecretariat, type Actor } from '../../kernel/actor.js';
import { z } from 'zod';
import type { App } from '../../platform/http/server.js';
import type { PlatformContext } from '../../platform/context.js';
import { canOf, guard } from '../../platform/http/policy.js';
import { requireIfMatch } from '../../platform/http/etag.js';
import { badRequest } from '../../platform/http/problem.js';
import { sendCsv } from '../../platform/http/csv.js';
import { CalendarDate } from '../../kernel/calendar-date.js';
import { listStates } from '../states/index.js';
import { compareStates, needsByElement, participation, statusBySection } from './analysis.js';
import { reportingCan, reportingPolicy } from './policy.js';
import { ANSWER_FIELDS, answerFieldText, IMPLEMENTATION_STATUSES, VISIBILITIES, type AnswerField } from './questionnaire.js';
import { cycleOf, cycleSections, cycleStatus, cycleWithQuestionnaire, listCycles, reportForViewer, reportOfState, submissionForViewer, viewerOf, visibleLatestSubmissions } from './reading.js';
import { AnalysisOut, CompareOut, CycleDetail, CycleList, OpenedCycle, ReportExport, ReportOut, ReportSubmission, SavedSection, StartedReport, SubmittedReceipt } from './schemas.js';
import { VersionedCache } from '../../platform/http/versioned-cache.js';
import { openCycle } from './open-cycle.js';
import { saveSection } from './save-section.js';
import { setReportVisibility } from './set-report-visibility.js';
import { startReport } from './start-report.js';
import { submitReport } from './submit-report.js';
import { NoContent } from '../../platform/http/responses.js';

const Id = z.string().uuid();
const Visibility = z.enum(VISIBILITIES);
const Text = z.string().trim().max(20_000);
const Answer = z
  .object({
    status: z.enum(IMPLEMENTATION_STATUSES).optional(),
    measures: Text.optional(),
    challenges: Text.optional(),
    needs: z.array(z.object({ description: z.string().trim().min(1).max(5000), codes: z.array(z.string().regex(/^[a-z0-9-]{1,80}$/)).max(20) })).max(50).optional(),
    noChangeSinceLastReport: z.boolean().optional(),
    contacts: Text.optional(),
  } satisfies Record<AnswerField, z.ZodType>)
  .strict();
const Iso3 = z.string().regex(/^[A-Z]{3}$/);

export function reportingRoutes(app: App, ctx: PlatformContext): void {
  const { db } = ctx.database;
  const publicCache = new VersionedCache();
  // The analyses of signed-in readers, kept per kind of reader (see the route): never shared with the public's.
  const privateAnalyses = new VersionedCache(500);
  const tags = ['reporting'];
  const read = { policy: guard(reportingPolicy.read) };

  app.get(
    '/api/v1/reporting/cycles',
    { config: read, schema: { tags, summary: "The reporting cycles, newest first, with your State's report in each", response: { 200: CycleList } } },
    async (request) => {
      const drafter = reportingPolicy.draftSomething.allows(request.actor);
      const state = drafter ? request.actor!.state! : null;
      const items = await listCycles(db, state);
      return {
        items,
        // Every cycle is listed with the State's report in it: whether one was ever submitted follows.
        hasPreviousReport: items.some((c) => (c.myReport?.submissions ?? 0) > 0),
        can: canOf(reportingCan.cycles, request.actor),
      };
    },
  );

  app.post(
    '/api/v1/reporting/cycles',
    {
      config: { policy: guard(reportingPolicy.openCycle), idempotent: true },
      schema: {
        tags,
        summary: 'Open a reporting cycle: the questionnaire is built from the framework as it stands today (Secretariat)',
        body: z.object({ title: z.string().trim().min(1).max(300), periodStart: CalendarDate, periodEnd: CalendarDate, deadlineLocal: z.string().max(19), zone: z.string().min(1).max(60) }).strict(),
        response: { 201: OpenedCycle },
      },
    },
    async (request, reply) => reply.code(201).send(await openCycle(ctx, { actor: request.actor!, ...request.body })),
  );

  app.get(
    '/api/v1/reporting/cycles/:id',
    { config: read, schema: { tags, summary: 'A cycle with the questionnaire it opened with', params: z.object({ id: Id }), response: { 200: CycleDetail } } },
    async (request) => {
      const cycle = await cycleWithQuestionnaire(db, request.params.id);
      const actor = request.actor;
      const drafter = reportingPolicy.draftSomething.allows(actor);
      const own = drafter ? await reportOfState(db, cycle.id, actor!.state!) : null;
      return { ...cycle, status: cycleStatus(cycle.deadlineAt), myReport: own, can: canOf(reportingCan.cycle, actor, { hasReport: own !== null }) };
    },
  );

  app.post(
    '/api/v1/reporting/cycles/:id/reports',
    {
      config: { policy: guard(reportingPolicy.draftSomething), idempotent: true },
      schema: { tags, summary: "Start your State's report, empty or from its previous one", params: z.object({ id: Id }), body: z.object({ fromPrevious: z.boolean().default(false), visibility: Visibility.default('public') }).strict(), response: { 201: StartedReport } },
    },
    async (request, reply) => reply.code(201).send(await startReport(db, { actor: request.actor!, cycleId: request.params.id, ...request.body })),
  );

  app.get(
    '/api/v1/reporting/reports/:id',
    { config: read, schema: { tags, summary: 'A report, as far as you may see it', params: z.object({ id: Id }), response: { 200: ReportOut } } },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return reportForViewer(db, request.actor, request.params.id);
    },
  );

  app.get(
    '/api/v1/reporting/reports/:id/submissions/:number',
    {
      config: read,
      schema: {
        tags,
        summary: 'One submitted version of a report, as far as you may see it: never more widely than it, or a later version, allowed',
        params: z.object({ id: Id, number: z.coerce.number().int().min(1).max(100_000) }),
        response: { 200: ReportSubmission },
      },
    },
    async (request, reply) => {
      const { report, submission } = await submissionForViewer(db, request.actor, request.params.id, request.params.number);
      reply.header('cache-control', 'private, no-store');
      return { id: report.id, cycleId: report.cycleId, state: report.state, ...submission! };
    },
  );

  app.get(
    '/api/v1/reporting/reports/:id/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'A report as JSON: its receipts and one submitted version (the latest unless `version` is given), as far as you may see it',
        params: z.object({ id: Id }),
        querystring: z.object({ version: z.coerce.number().int().min(1).max(100_000).optional() }),
        response: { 200: ReportExport },
      },
    },
    async (request, reply) => {
      const { version } = request.query;
      const { report, receipts, submission } = await submissionForViewer(db, request.actor, request.params.id, version);
      const cycle = await cycleOf(db, report.cycleId);
      reply.header('cache-control', 'private, no-store');
      const name = `poa-report-${report.state}-${cycle.periodStart}-${cycle.periodEnd}${version === undefined ? '' : `-v${version}`}.json`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      return { id: report.id, cycle, state: report.state, submissions: receipts, submission };
    },
  );

  app.put(
    '/api/v1/reporting/reports/:id/sections/:key',
    {
      config: { policy: guard(reportingPolicy.draftSomething) },
      schema: {
        tags,
        summary: 'Save a section (If-Match: the version you started from, "0" for a new one); 412 gives the other version',
        params: z.object({ id: Id, key: z.string().regex(/^[a-z0-9:-]{1,100}$/) }),
        body: z.object({ answer: Answer, visibility: Visibility.nullable().default(null) }).strict(),
        response: { 200: SavedSection },
      },
    },
    async (request, reply) => {
      const saved = await saveSection(db, { actor: request.actor!, reportId: request.params.id, key: request.params.key, ifMatch: requireIfMatch(request), ...request.body });
      reply.header('etag', `"${saved.version}"`);
      return saved;
    },
  );

  app.patch(
    '/api/v1/reporting/reports/:id',
    { config: { policy: guard(reportingPolicy.submitSomething) }, schema: { tags, summary: 'Choose who may read the report (focal point)', params: z.object({ id: Id }), body: z.object({ visibility: Visibility }).strict(), response: { 204: NoContent } } },
    async (request, reply) => {
      await setReportVisibility(db, { actor: request.actor!, reportId: request.params.id, visibility: request.body.visibility });
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/reporting/reports/:id/submissions',
    { config: { policy: guard(reportingPolicy.submitSomething), idempotent: true }, schema: { tags, summary: 'Submit: the report frozen, with a receipt (focal point)', params: z.object({ id: Id }), response: { 201: SubmittedReceipt } } },
    async (request, reply) => reply.code(201).send(await submitReport(db, { actor: request.actor!, reportId: request.params.id })),
  );

  /**
   * What a signed-in reader may see of each submission depends only on these (viewerOf): two readers
   * with the same kind see the same answer, so an answer is kept per kind of reader.
   */
  const readerKind = (a: Actor | null) => `${isSecretariat(a)}:${hasRole(a, 'focal_point') || hasRole(a, 'delegate')}:${hasRole(a, 'stakeholder')}:${a?.state ?? ''}`;

  const sectionKeys = async (cycleId: string, part?: 'norms' | 'cbms') => (await cycleSections(db, cycleId)).filter((s) => !part || s.part === part).map((s) => s.key);

  app.get(
    '/api/v1/reporting/cycles/:id/analysis',
    {
      config: read,
      schema: { tags, summary: 'Participation, status per norm and per CBM, needs: from what you may see', params: z.object({ id: Id }), response: { 200: AnalysisOut } },
    },
    async (request, reply) => {
      const counts = async () => {
        const reports = await visibleLatestSubmissions(db, request.actor, request.params.id);
        const states = (await listStates(db, {})).map((s) => ({ iso3: s.iso3, regionalGroup: s.regionalGroup }));
        return {
          participation: participation(reports, states),
          norms: statusBySection(reports, await sectionKeys(request.params.id, 'norms')),
          cbms: statusBySection(reports, await sectionKeys(request.params.id, 'cbms')),
          needs: needsByElement(reports),
        };
      };
      const compute = async () => ({ ...(await counts()), can: canOf(reportingCan.analysis, request.actor) });
      // What the public sees is the same for every member of the public (and for stakeholders): it is
      // cached, checked against the cycle's submissions. Everyone else's view is theirs.
      const viewer = viewerOf(request.actor, '');
      if (viewer.kind !== 'public' && viewer.kind !== 'stakeholder') {
        // What States and the Secretariat see is theirs: never kept by a browser or a proxy.
        reply.header('cache-control', 'private, no-store');
        // Kept in this process per kind of reader: what a reader may see of each submission depends
        // only on these (viewerOf), so two readers with the same key see the same answer.
        const can = canOf(reportingCan.analysis, request.actor);
        const key = `analysis:${request.params.id}:${readerKind(request.actor)}:${JSON.stringify(can)}`;
        return privateAnalyses.send(request, reply, key, () => ctx.database.versions.token('reporting', 'states'), async () => ({ ...(await counts()), can }), { personal: true });
      }
      return publicCache.send(request, reply, `analysis:${request.params.id}`, () => ctx.database.versions.token('reporting', 'states'), compute);
    },
  );

  app.get(
    '/api/v1/reporting/cycles/:id/compare',
    {
      config: read,
      schema: { tags, summary: 'Up to three States side by side', params: z.object({ id: Id }), querystring: z.object({ states: z.string().transform((s) => s.split(',')).pipe(z.array(Iso3).min(1).max(3)) }), response: { 200: CompareOut } },
    },
    async (request, reply) => {
      const compute = async () => {
        const reports = await visibleLatestSubmissions(db, request.actor, request.params.id, request.query.states);
        return { sections: compareStates(reports, request.query.states, await sectionKeys(request.params.id)) };
      };
      // Kept as the analysis is: the public's view shared and revalidated, every other reader's per kind of reader.
      const key = `compare:${request.params.id}:${request.query.states.join(',')}`;
      const viewer = viewerOf(request.actor, '');
      if (viewer.kind !== 'public' && viewer.kind !== 'stakeholder') {
        return privateAnalyses.send(request, reply, `${key}:${readerKind(request.actor)}`, () => ctx.database.versions.token('reporting', 'states'), compute, { personal: true });
      }
      return publicCache.send(request, reply, key, () => ctx.database.versions.token('reporting', 'states'), compute);
    },
  );

  app.get(
    '/api/v1/reporting/cycles/:id/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'Data of a cycle as JSON or CSV: published (public) data; the Secretariat may ask for its full summary',
        params: z.object({ id: Id }),
        querystring: z.object({ format: z.enum(['json', 'csv']).default('json'), scope: z.enum(['published', 'secretariat']).default('published') }),
      },
    },
    async (request, reply) => {
      const { format, scope } = request.query;
      if (scope === 'secretariat' && !reportingPolicy.exportSummary.allows(request.actor)) throw badRequest('Only the Secretariat exports its full summary.', [{ field: 'query.scope', message: 'not for you' }]);
      // Published data is what the public sees, whoever asks; the summary is what the Secretariat sees.
      const reports = await visibleLatestSubmissions(db, scope === 'secretariat' ? request.actor : null, request.params.id);
      const cycle = await cycleOf(db, request.params.id);
      const name = `poa-reports-${cycle.periodStart}-${cycle.periodEnd}-${scope}`;
      reply.header('cache-control', 'private, no-store');
      if (format === 'csv') {
        // A column per field of an answer, named as in the JSON.
        const rows = reports.flatMap((r) => r.sections.map((s) => [r.state, r.number, s.key, ...ANSWER_FIELDS.map((f) => answerFieldText(s.answer, f))]));
        return sendCsv(reply, name, [['state', 'submission', 'section', ...ANSWER_FIELDS], ...rows]);
      }
      reply.header('content-disposition', `attachment; filename="${name}.json"`);
      return reply.type('application/json; charset=utf-8').serializer(JSON.stringify).send({ cycle, scope, reports });
    },
  );
}
