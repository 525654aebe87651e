import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import NewDraftPage from '../../src/features/drafts/NewDraftPage';
import { me, renderPage } from './app';
import { json } from './fake-api';
import { drafts, element, frameworkElements, group, GROUP_ID, groups, outcomes } from './records';

const DRAFT_ID = '7d3e2c1b-0a9f-4e8d-8c7b-6a5f4e3d2c01';

describe('tabling a zero draft', () => {
  it('an incomplete form says what is missing and sends nothing; completed, it tables a recommendation before a working group', async () => {
    const { user, api, path } = renderPage('/en/drafts/new', [{ path: 'drafts/new', element: <NewDraftPage /> }], (api) =>
      api
        .on('GET', '/api/v1/me', me({ roles: ['chair'] }))
        .on('GET', '/api/v1/drafts', drafts({ table: true }))
        .on('GET', '/api/v1/groups', groups([group(), group({ id: '5a0c6d1e-7f1b-4a53-9b8e-1c2d3e4f5a02', name: { en: 'A closed group' }, status: 'closed' })]))
        .on('GET', '/api/v1/outcomes', outcomes())
        .on('GET', '/api/v1/framework/elements', frameworkElements([
          element('norm-13f', 'norm', 'norms', 'Norm 13(f)', 'States should not conduct or knowingly support ICT activity that damages critical infrastructure.'),
          element('norm-13g', 'norm', 'norms', 'Norm 13(g)', 'States should take appropriate measures to protect their critical infrastructure from ICT threats.'),
        ]))
        .on('POST', '/api/v1/drafts', (request) => json({ id: DRAFT_ID, ...request.body }, { status: 201, headers: { location: `/api/v1/drafts/${DRAFT_ID}` } })),
    );
    const form = (await screen.findByRole('button', { name: 'Table the zero draft' })).closest('form')!;

    // Nothing filled in: the form lists what is missing, and nothing is sent.
    await user.click(within(form).getByRole('radio', { name: 'Recommendation for national implementation' }));
    await user.click(within(form).getByRole('button', { name: 'Table the zero draft' }));
    const problems = within(await within(form).findByRole('alert'));
    problems.getByText('The draft cannot be tabled yet:');
    expect(problems.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Give the draft a title.',
      'Write at least one paragraph, and leave none empty.',
      'A recommendation names at least one framework element it implements.',
    ]);
    expect(api.sentTo('POST', '/api/v1/drafts')).toEqual([]);

    const title = 'Recommendations on points of contact for incidents';
    await user.click(within(form).getByRole('textbox', { name: 'Title' }));
    await user.paste(title);
    // Only active groups may be chosen, beside the plenary.
    const before = within(form).getByRole('combobox', { name: 'Before' });
    expect(within(before).getAllByRole('option').map((o) => o.textContent)).toEqual(['Plenary', 'Technical working group on confidence-building measures']);
    await user.selectOptions(before, GROUP_ID);
    await user.click(within(form).getByRole('combobox', { name: 'Framework elements it implements' }));
    await user.keyboard('13g');
    await user.click(await screen.findByRole('option', { name: /^norm-13g/ }));
    await user.keyboard('{Escape}');
    await user.click(within(form).getByRole('textbox', { name: 'Text of paragraph 1' }));
    await user.paste('Recalling norm 13(g) on the protection of critical infrastructure,');
    await user.click(within(form).getByRole('textbox', { name: 'Text of paragraph 2' }));
    await user.paste('Recommends that States designate a point of contact for incidents affecting critical infrastructure;');
    await user.click(within(form).getByRole('button', { name: 'Add a paragraph at the end' }));
    // The new paragraph's text has the focus, ready to be written.
    const third = within(form).getByRole('textbox', { name: 'Text of paragraph 3' });
    await waitFor(() => expect(document.activeElement).toBe(third));
    await user.paste('Encourages States to keep that contact reachable at all times.');
    await user.click(within(form).getByRole('button', { name: 'Table the zero draft' }));

    await waitFor(() => expect(path()).toBe(`/en/drafts/${DRAFT_ID}`));
    const sent = api.sentTo('POST', '/api/v1/drafts');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[0]!.headers.get('x-csrf-token')).toBe('csrf-of-this-session');
    expect(sent[0]!.body).toEqual({
      title,
      body: GROUP_ID,
      kind: 'recommendation',
      implementsCodes: ['norm-13g'],
      frameworkEffects: [],
      paragraphs: [
        { kind: 'preambular', text: 'Recalling norm 13(g) on the protection of critical infrastructure,' },
        { kind: 'operative', text: 'Recommends that States designate a point of contact for incidents affecting critical infrastructure;' },
        { kind: 'operative', text: 'Encourages States to keep that contact reachable at all times.' },
      ],
    });
    expect(api.unanswered).toEqual([]);
  });
});
