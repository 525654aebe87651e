import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import OutcomePage from '../../src/features/drafts/OutcomePage';
import DraftPage from '../../src/features/drafts/DraftPage';
import CompilationPage from '../../src/features/drafts/CompilationPage';
import ReportPage from '../../src/features/reporting/ReportPage';
import { me, renderPage } from './app';
import { json } from './fake-api';
import { draft, outcome } from './decisions-records';
import { cycle, report } from './reporting-records';
import state from './state-record.json';

/**
 * A search result links to the passage it found (`#para-…`, `#amendment-…`, as the search sources
 * build the links): the page has an element of that id and, once its content is shown, brings it into
 * view, gives it the focus and marks it highlighted.
 */

const expectTarget = async (id: string) => {
  await waitFor(() => expect(document.activeElement?.id).toBe(id));
  const target = document.getElementById(id)!;
  expect(target.hasAttribute('data-hash-target')).toBe(true);
  expect(target.getAttribute('tabindex')).toBe('-1');
  // Only one passage is marked.
  expect(document.querySelectorAll('[data-hash-target]')).toHaveLength(1);
  return target;
};

describe('links to a passage', () => {
  it("an outcome's paragraph: every paragraph has its id, and the one linked to is focused and highlighted", async () => {
    const [, second] = outcome.paragraphs;
    const { api } = renderPage(`/en/outcomes/${outcome.id}#para-${second!.key}`, [{ path: 'outcomes/:id', element: <OutcomePage /> }], (api) =>
      api.on('GET', '/api/v1/me', me(null)).on('GET', `/api/v1/outcomes/${outcome.id}`, outcome),
    );
    await screen.findByRole('heading', { level: 1 });
    for (const p of outcome.paragraphs) expect(document.getElementById(`para-${p.key}`)?.getAttribute('data-paragraph')).toBe(p.label);
    const target = await expectTarget(`para-${second!.key}`);
    expect(target.textContent).toContain(second!.text);
    expect(api.unanswered.filter((u) => u.includes('/outcomes'))).toEqual([]);
  });

  it("a draft's paragraph", async () => {
    const last = draft.latest.paragraphs.at(-1)!;
    renderPage(`/en/drafts/${draft.id}#para-${last.key}`, [{ path: 'drafts/:id', element: <DraftPage /> }], (api) =>
      api.on('GET', '/api/v1/me', me(null)).on('GET', `/api/v1/drafts/${draft.id}`, () => json(draft, { headers: { etag: '"0"' } })),
    );
    await screen.findByRole('heading', { level: 1 });
    const target = await expectTarget(`para-${last.key}`);
    expect(target.textContent).toContain(last.text);
  });

  it("an amendment, on the draft's compilation", async () => {
    const amendment = draft.latest.paragraphs.flatMap((p) => p.amendments)[0]!;
    renderPage(`/en/drafts/${draft.id}/compilation#amendment-${amendment.id}`, [{ path: 'drafts/:id/compilation', element: <CompilationPage /> }], (api) =>
      api.on('GET', '/api/v1/me', me(null)).on('GET', `/api/v1/drafts/${draft.id}`, () => json(draft, { headers: { etag: '"0"' } })),
    );
    await screen.findByRole('heading', { level: 1 });
    const target = await expectTarget(`amendment-${amendment.id}`);
    expect(target.getAttribute('data-amendment')).toBe(amendment.id);
    expect(target.textContent).toContain(amendment.reason);
  });

  it("a national report's section (a key with a colon)", async () => {
    const section = report.latest!.sections.at(-1)!;
    const { api } = renderPage(`/en/reporting/reports/${report.id}#section-${encodeURIComponent(section.key)}`, [{ path: 'reporting/reports/:id', element: <ReportPage /> }], (api) =>
      api
        .on('GET', '/api/v1/me', me(null))
        .on('GET', `/api/v1/reporting/reports/${report.id}`, report)
        .on('GET', `/api/v1/reporting/cycles/${cycle.id}`, cycle)
        .on('GET', `/api/v1/states/${report.state}`, state),
    );
    await screen.findByRole('heading', { level: 1 });
    for (const s of report.latest!.sections) expect(document.getElementById(`section-${s.key}`)?.getAttribute('data-section')).toBe(s.key);
    await expectTarget(`section-${section.key}`);
    expect(api.unanswered).toEqual([]);
  });

  it('no hash, or one naming nothing: nothing is marked', async () => {
    renderPage(`/en/outcomes/${outcome.id}#para-nothing`, [{ path: 'outcomes/:id', element: <OutcomePage /> }], (api) =>
      api.on('GET', '/api/v1/me', me(null)).on('GET', `/api/v1/outcomes/${outcome.id}`, outcome),
    );
    await screen.findByRole('heading', { level: 1 });
    await screen.findByText(outcome.paragraphs[0]!.text, { exact: false });
    expect(document.querySelectorAll('[data-hash-target]')).toHaveLength(0);
  });
});
