import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import StatePage from '../../src/features/states/StatePage';
import { me, renderPage } from './app';
import { json, problem, type FakeApi } from './fake-api';
import type { NationalPublication, StateRecord } from '../../src/features/states/record-queries';

const routes = [{ path: 'states/:iso3', element: <StatePage /> }];
const CHILE = {
  iso3: 'CHL',
  m49: '152',
  status: 'member',
  regionalGroup: 'GRULAC',
  names: { ar: 'شيلي', zh: '智利', en: 'Chile', fr: 'Chili', ru: 'Чили', es: 'Chile' },
  can: { correctNames: false },
};
const PUBLICATION: NationalPublication = {
  id: '5d8e0b7c-0000-4000-8000-000000000001',
  state: 'CHL',
  kind: 'international-law-position',
  title: { en: 'National position on international law', es: 'Posición nacional sobre el derecho internacional' },
  publishedAt: '2026-11-02T12:00:00.000Z',
  versions: [
    { number: 2, language: 'en', format: 'docx', size: 20480, filename: 'position.docx', note: null, uploadedAt: '2026-11-20T12:00:00.000Z', url: '/api/v1/states/CHL/publications/x/versions/2/file' },
    { number: 1, language: 'es', format: 'pdf', size: 10240, filename: 'posicion.pdf', note: 'Adoptada en 2023', uploadedAt: '2026-11-02T12:00:00.000Z', url: '/api/v1/states/CHL/publications/x/versions/1/file' },
  ],
  can: { addVersion: false, withdraw: false },
};
const RECORD: StateRecord = {
  iso3: 'CHL',
  reports: [{ reportId: 'r1', cycleId: 'c1', cycleTitle: 'First reporting cycle of the PoA', periodStart: '2026-01-01', periodEnd: '2026-12-31', number: 1, submittedAt: '2026-10-01T12:00:00.000Z', publicSections: 4 }],
  statements: [
    {
      id: 's1',
      meetingId: 'm1',
      meetingTitle: { en: 'Organizational session of the Programme of Action', es: 'Período de sesiones de organización del Programa de Acción' },
      meetingStartsAt: '2026-10-05T14:00:00.000Z',
      agendaItem: { key: 'general', number: '2', title: { en: 'General exchange of views' } },
      language: 'es',
      title: 'Declaración de Chile en el intercambio general de opiniones',
      hasFile: false,
      submittedAt: '2026-10-05T15:00:00.000Z',
    },
  ],
  amendments: [],
  groups: [{ id: 'g1', name: { en: 'Technical working group on confidence-building measures' }, status: 'active', joinedAt: '2026-09-01T00:00:00.000Z' }],
  delegations: [],
  capacity: { needs: [], offers: [] },
  publications: [PUBLICATION],
  can: { publish: false },
};

function server(a: FakeApi, account: Parameters<typeof me>[0], record: StateRecord) {
  a.on('GET', '/api/v1/me', me(account));
  a.on('GET', '/api/v1/states/:code', () => json(CHILE, { headers: { etag: '"1"' } }));
  a.on('GET', '/api/v1/regional-groups', { items: [{ id: 'GRULAC', name: 'Latin American and Caribbean States', officialName: 'Group of Latin American and Caribbean States' }] });
  a.on('GET', '/api/v1/states/:code/record', () => json(record));
}

describe("a State's page", () => {
  it('shows what the State made public, each text in its own language, English fallbacks marked, and no form for the public', async () => {
    const { container } = renderPage('/ar/states/CHL', routes, (a) => server(a, null, RECORD));
    const reports = await screen.findByTestId('state-reports', {}, { timeout: 15_000 });
    // The cycle's title exists in English only: shown in English, in its own language and direction, marked.
    const cycle = within(reports).getByText('First reporting cycle of the PoA');
    expect(cycle.getAttribute('lang')).toBe('en');
    expect(cycle.getAttribute('dir')).toBe('ltr');
    expect(reports.querySelector('[data-fallback="true"]')).not.toBeNull();
    // The statement's title is in Spanish: marked as Spanish, not as the page's Arabic.
    const statement = within(screen.getByTestId('state-statements')).getByText('Declaración de Chile en el intercambio general de opiniones');
    expect(statement.getAttribute('lang')).toBe('es');
    // The publication's title falls back to English on an Arabic page; both versions are listed, newest first.
    const publication = screen.getByTestId('national-publication');
    expect(within(publication).getByText('National position on international law').getAttribute('lang')).toBe('en');
    expect(within(publication).getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual([PUBLICATION.versions[0]!.url, PUBLICATION.versions[1]!.url]);
    expect(container.ownerDocument.documentElement.getAttribute('dir')).toBe('rtl');
    // The API says the caller may not publish: no form.
    expect(screen.queryByRole('form', { name: /نشر وثيقة وطنية/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'نشر' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'سحب' })).toBeNull();
    expect(screen.queryByText('إضافة نسخة جديدة')).toBeNull();
  });

  it("lets the State's focal point publish a national position: fields, then the file; the file's refusal is said beside it", async () => {
    let record: StateRecord = { ...RECORD, publications: [], can: { publish: true } };
    const { user, api, container } = renderPage('/en/states/CHL', routes, (a) => {
      server(a, { roles: ['focal_point'], state: 'CHL' }, record);
      a.on('GET', '/api/v1/states/:code/record', () => json(record));
      let calls = 0;
      a.on('POST', '/api/v1/states/:code/publications', () => {
        calls += 1;
        if (calls === 1) return problem(415, 'unsupported-media-type', 'The file is not a PDF, DOCX or ODT document.');
        record = { ...record, publications: [{ ...PUBLICATION, title: { en: 'Position of Chile on international law in cyberspace' }, versions: [PUBLICATION.versions[1]!] }] };
        return json(record.publications[0], { status: 201 });
      });
    });
    const form = await screen.findByRole('form', { name: 'Publish a national document' }, { timeout: 15_000 });
    await user.click(within(form).getByRole('button', { name: 'Publish' }));
    // Nothing is sent without an English title and a file.
    expect(within(form).getAllByText('This field is required.').length).toBeGreaterThanOrEqual(2);
    expect(api.sentTo('POST', '/api/v1/states/CHL/publications')).toHaveLength(0);

    await user.type(within(form).getByRole('textbox', { name: /Title in English/ }), 'Position of Chile on international law in cyberspace');
    await user.selectOptions(within(form).getByLabelText('Language of the file'), 'es');
    await user.upload(container.ownerDocument.querySelector('input[type="file"]') as HTMLInputElement, new File(['%PDF-1.4 x'], 'posicion.pdf', { type: 'application/pdf' }));
    await user.click(within(form).getByRole('button', { name: 'Publish' }));
    expect(await within(form).findByText('This file is not a PDF, DOCX or ODT document.')).toBeTruthy();

    await user.click(within(form).getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(api.sentTo('POST', '/api/v1/states/CHL/publications')).toHaveLength(2));
    const sent = api.sentTo('POST', '/api/v1/states/CHL/publications')[1]!.form!;
    expect([...sent.keys()]).toEqual(['kind', 'language', 'title.en', 'file']);
    expect(sent.get('kind')).toBe('international-law-position');
    expect(sent.get('language')).toBe('es');
    expect(sent.get('title.en')).toBe('Position of Chile on international law in cyberspace');
    expect((sent.get('file') as File).name).toBe('posicion.pdf');
    // The page shows it once published, read back from the API.
    const published = await screen.findByTestId('national-publication');
    expect(within(published).getByText('Position of Chile on international law in cyberspace')).toBeTruthy();
    // The focus goes to it (#17 item 5), not left on the form that was cleared.
    await waitFor(() => expect(document.activeElement).toBe(published));
    expect(api.unanswered).toEqual([]);
  });

  it('after a name is corrected, the focus is on the corrected name in the table (#17 item 5)', async () => {
    const { user, api } = renderPage('/en/states/CHL', routes, (a) => {
      server(a, { roles: ['secretariat'] }, RECORD);
      let held = { ...CHILE, can: { correctNames: true } };
      a.on('GET', '/api/v1/states/:code', () => json(held, { headers: { etag: '"1"' } }));
      a.on('PATCH', '/api/v1/states/:code/names', (request) => {
        held = { ...held, names: { ...held.names, ...request.body } };
        return json(held, { headers: { etag: '"2"' } });
      });
    });
    const french = await screen.findByRole('textbox', { name: 'French' }, { timeout: 15_000 });
    await user.clear(french);
    await user.type(french, 'Chili (République du)');
    await user.click(screen.getByRole('button', { name: 'Save the corrections' }));
    await waitFor(() => expect(api.sentTo('PATCH', '/api/v1/states/CHL/names')).toHaveLength(1));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('name-fr').closest('tr')));
    expect(screen.getByTestId('name-fr').textContent).toBe('Chili (République du)');
  });
});
