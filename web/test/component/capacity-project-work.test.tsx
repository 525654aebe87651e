import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import ProjectPage from '../../src/features/capacity/ProjectPage';
import { me, renderPage } from './app';
import { json, problem, type FakeApi } from './fake-api';

const PROJECT_ID = '7a1e3c55-0b7f-4e8e-9d1a-2c3b4d5e0104';
const kenyaFocalPoint = me({ roles: ['focal_point'], state: 'KEN' });
const state = (iso3: string, name: string) => ({ iso3, m49: '404', regionalGroup: 'AG', names: { ar: name, zh: name, en: name, fr: name, ru: name, es: name } });

type Milestone = { title: string; due: string; status: string };
const project = (over: { objectives?: string; milestones?: Milestone[]; version?: number; can?: { edit: boolean; publish: boolean; evaluate: boolean } } = {}) => ({
  id: PROJECT_ID,
  needId: '7a1e3c55-0b7f-4e8e-9d1a-2c3b4d5e0101',
  offerId: '7a1e3c55-0b7f-4e8e-9d1a-2c3b4d5e0102',
  requester: 'KEN',
  offeror: { kind: 'state', state: 'FRA', organisationId: null, organisationName: null, programme: null },
  title: { en: 'Training of sector CSIRTs' },
  objectives: over.objectives ?? 'Train the analysts of four sector CSIRTs.',
  milestones: over.milestones ?? [{ title: 'Course in Nairobi', due: '2026-05-15', status: 'planned' }],
  principles: [],
  publicParts: { project: true, objectives: true, milestones: true },
  status: 'running',
  startedAt: '2026-03-01T10:00:00.000Z',
  completedAt: null,
  evaluations: [],
  version: over.version ?? 3,
  can: over.can ?? { edit: true, publish: true, evaluate: false },
});

/** The API's side of the project: PATCH with If-Match, 412 when the version is not the one held; GET with its ETag. */
function projectApi(api: FakeApi, held: { record: ReturnType<typeof project> }) {
  api.on('GET', '/api/v1/states/:code', (_, { code }) => json(code === 'KEN' ? state('KEN', 'Kenya') : state('FRA', 'France')));
  api.on('GET', '/api/v1/me', kenyaFocalPoint);
  api.on('GET', '/api/v1/capacity/projects/:id', () => json(held.record, { headers: { etag: `"${held.record.version}"` } }));
  api.on('PATCH', '/api/v1/capacity/projects/:id', (request) => {
    if (request.headers.get('if-match') !== `"${held.record.version}"`) return problem(412, 'precondition-failed', 'The project changed after you read it.');
    held.record = { ...held.record, ...request.body, version: held.record.version + 1 };
    return json({ version: held.record.version }, { headers: { etag: `"${held.record.version}"` } });
  });
}

const open = (held: { record: ReturnType<typeof project> }) =>
  renderPage(`/en/capacity/projects/${PROJECT_ID}`, [{ path: 'capacity/projects/:id', element: <ProjectPage /> }], (api) => projectApi(api, held));

describe("a partner keeps the project's objectives and milestones", () => {
  it('sends the objectives and every milestone with the version read, and the next save with the version saved', async () => {
    const held = { record: project() };
    const { user, api } = open(held);
    const objectives = await screen.findByRole('textbox', { name: 'Objectives' }, { timeout: 15_000 });
    await user.clear(objectives);
    await user.click(objectives);
    await user.paste('Train the analysts of five sector CSIRTs.');
    await user.selectOptions(within(screen.getByRole('group', { name: 'Milestone 1' })).getByLabelText('Status'), 'in-progress');
    await user.click(screen.getByRole('button', { name: 'Add a milestone' }));
    const second = within(screen.getByRole('group', { name: 'Milestone 2' }));
    await user.click(second.getByLabelText(/Title/));
    await user.paste('  National exercise  ');
    fireEvent.change(second.getByLabelText(/Due/), { target: { value: '2026-09-30' } });
    await user.click(screen.getByRole('button', { name: 'Save objectives and milestones' }));

    await waitFor(() => expect(api.sentTo('PATCH', `/api/v1/capacity/projects/${PROJECT_ID}`)).toHaveLength(1));
    const [first] = api.sentTo('PATCH', `/api/v1/capacity/projects/${PROJECT_ID}`);
    expect(first!.headers.get('if-match')).toBe('"3"');
    expect(first!.body).toEqual({
      objectives: 'Train the analysts of five sector CSIRTs.',
      milestones: [
        { title: 'Course in Nairobi', due: '2026-05-15', status: 'in-progress' },
        { title: 'National exercise', due: '2026-09-30', status: 'planned' },
      ],
    });
    await screen.findAllByText('Objectives and milestones saved.');
    // The focus is on the message that says so (#17 item 5).
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-done="project-work"]')));

    // The first milestone goes; the next save is made on the version the first one made.
    await user.click(screen.getByRole('button', { name: 'Remove milestone 1' }));
    await user.click(screen.getByRole('button', { name: 'Save objectives and milestones' }));
    await waitFor(() => expect(api.sentTo('PATCH', `/api/v1/capacity/projects/${PROJECT_ID}`)).toHaveLength(2));
    const next = api.sentTo('PATCH', `/api/v1/capacity/projects/${PROJECT_ID}`)[1]!;
    expect(next.headers.get('if-match')).toBe('"4"');
    expect(next.body.milestones).toEqual([{ title: 'National exercise', due: '2026-09-30', status: 'planned' }]);
    expect(api.unanswered, api.unanswered.join(' | ')).toEqual([]);
  });

  it('sends nothing while a milestone has no title or date, and names the fields', async () => {
    const held = { record: project({ milestones: [] }) };
    const { user, api } = open(held);
    await user.click(await screen.findByRole('button', { name: 'Add a milestone' }, { timeout: 15_000 }));
    await user.click(screen.getByRole('button', { name: 'Save objectives and milestones' }));
    const row = within(screen.getByRole('group', { name: 'Milestone 1' }));
    expect(row.getByLabelText(/Title/).getAttribute('aria-invalid')).toBe('true');
    expect(row.getByLabelText(/Due/).getAttribute('aria-invalid')).toBe('true');
    expect(api.sentTo('PATCH', `/api/v1/capacity/projects/${PROJECT_ID}`)).toHaveLength(0);
  });

  it('when the other partner saved first (412): shows their version, keeps what was typed, and loads theirs on demand', async () => {
    const held = { record: project() };
    const { user, api } = open(held);
    const objectives = await screen.findByRole('textbox', { name: 'Objectives' }, { timeout: 15_000 });
    // Meanwhile, France's focal point saves its own change.
    held.record = { ...held.record, objectives: 'Train the analysts and the regulators.', milestones: [{ title: 'Course in Mombasa', due: '2026-06-01', status: 'planned' }], version: 4 };
    await user.clear(objectives);
    await user.click(objectives);
    await user.paste('Our objectives.');
    await user.click(screen.getByRole('button', { name: 'Save objectives and milestones' }));

    const stale = await screen.findByTestId('stale');
    expect(within(stale).getByText('Train the analysts and the regulators.')).toBeTruthy();
    expect(within(stale).getByText(/Course in Mombasa/)).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Objectives' }) as HTMLTextAreaElement).value).toBe('Our objectives.');
    expect(api.sentTo('PATCH', `/api/v1/capacity/projects/${PROJECT_ID}`)[0]!.headers.get('if-match')).toBe('"3"');

    await user.click(within(stale).getByRole('button', { name: 'Load their version' }));
    expect(screen.queryByTestId('stale')).toBeNull();
    expect((screen.getByRole('textbox', { name: 'Objectives' }) as HTMLTextAreaElement).value).toBe('Train the analysts and the regulators.');
    expect((within(screen.getByRole('group', { name: 'Milestone 1' })).getByLabelText(/Title/) as HTMLInputElement).value).toBe('Course in Mombasa');

    // Saved again, on their version: accepted.
    await user.click(screen.getByRole('button', { name: 'Save objectives and milestones' }));
    await waitFor(() => expect(api.sentTo('PATCH', `/api/v1/capacity/projects/${PROJECT_ID}`)).toHaveLength(2));
    expect(api.sentTo('PATCH', `/api/v1/capacity/projects/${PROJECT_ID}`)[1]!.headers.get('if-match')).toBe('"4"');
    await screen.findAllByText('Objectives and milestones saved.');
    expect(held.record.version).toBe(5);
  });

  it('once the project is marked completed, the focus is on its new status, not on the button gone with the dialog (#17 item 5)', async () => {
    const held = { record: project() };
    const { user, api } = open(held);
    await user.click(await screen.findByRole('button', { name: 'Mark the project completed' }, { timeout: 15_000 }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Mark the project completed?' }));
    // The API's answer: the project completed, with its version.
    api.on('PATCH', '/api/v1/capacity/projects/:id', (request) => {
      held.record = { ...held.record, ...request.body, completedAt: '2026-10-01T10:00:00.000Z', version: held.record.version + 1 };
      return json({ version: held.record.version });
    });
    await user.click(dialog.getByRole('button', { name: 'Mark the project completed' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('project-status')));
    expect(document.activeElement?.textContent).toBe('Completed');
    expect(api.sentTo('PATCH', `/api/v1/capacity/projects/${PROJECT_ID}`)[0]!.body).toEqual({ status: 'completed' });
  });

  it('is not offered where the API says the viewer may not edit', async () => {
    const held = { record: project({ can: { edit: false, publish: false, evaluate: false } }) };
    open(held);
    await screen.findByText('Train the analysts of four sector CSIRTs.', {}, { timeout: 15_000 });
    expect(screen.queryByRole('button', { name: 'Save objectives and milestones' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Objectives' })).toBeNull();
  });
});
