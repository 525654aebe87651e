import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { RequireAccount } from '../../src/app/RequireAccount';
import GroupFormPage from '../../src/features/groups/GroupFormPage';
import type { GroupPage } from '../../src/features/groups/queries';
import { me, renderPage } from './app';
import { json, problem, type FakeApi } from './fake-api';
import { group, GROUP_ID, outcomes, states } from './records';

/** The API's side of a group: PATCH with If-Match, 412 when the version is not the one held. */
function groupServer(api: FakeApi, start: GroupPage) {
  const held = { group: start };
  const etag = () => `"${held.group.version}"`;
  api
    .on('GET', '/api/v1/me', me({ roles: ['secretariat'] }))
    .on('GET', '/api/v1/states', states)
    .on('GET', '/api/v1/outcomes', outcomes())
    .on('GET', '/api/v1/groups/:id', () => json(held.group, { headers: { etag: etag() } }))
    .on('PATCH', '/api/v1/groups/:id', (request) => {
      if (request.headers.get('if-match') !== etag()) return problem(412, 'precondition-failed', 'The group has changed since you read it.');
      held.group = { ...held.group, ...request.body, version: held.group.version + 1 };
      return json(held.group, { headers: { etag: etag() } });
    });
  return held;
}

describe('editing a working group', () => {
  it('over someone else’s change: shows their version, and re-applies only the user’s own change on it', async () => {
    let held!: { group: GroupPage };
    const { user, api, path } = renderPage('/en/groups/' + GROUP_ID + '/edit', [{ element: <RequireAccount />, children: [{ path: 'groups/:id/edit', element: <GroupFormPage /> }] }], (api) => {
      held = groupServer(api, group());
    });
    const spanish = await screen.findByLabelText('Name in Spanish (optional)');

    // Someone else changes the group meanwhile.
    held.group = { ...held.group, mandateSource: 'A/AC.300/2027/2, decision 4', version: 2 };

    // Filled in at once, as a browser test's fill() does.
    await user.click(spanish);
    await user.paste('Grupo de trabajo técnico sobre medidas de fomento de la confianza');
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    const alert = (await screen.findByText('Someone else changed this group meanwhile')).closest<HTMLElement>('[role="alert"]')!;
    within(alert).getByText('The group is now at version 2. Here is what it says now; your changes are still in the form.');
    expect(path()).toBe(`/en/groups/${GROUP_ID}/edit`);

    await user.click(within(alert).getByRole('button', { name: 'Save my changes over this version' }));
    await waitFor(() => expect(path()).toBe(`/en/groups/${GROUP_ID}`));

    const patches = api.sentTo('PATCH', `/api/v1/groups/${GROUP_ID}`);
    expect(patches.map((p) => p.headers.get('if-match'))).toEqual(['"1"', '"2"']);
    expect(patches.every((p) => p.headers.get('x-csrf-token') === 'csrf-of-this-session')).toBe(true);
    // Only the user's own change is sent, each time: the other person's change stays.
    expect(patches.map((p) => p.body)).toEqual([
      { name: { en: 'Technical working group on confidence-building measures', es: 'Grupo de trabajo técnico sobre medidas de fomento de la confianza' } },
      { name: { en: 'Technical working group on confidence-building measures', es: 'Grupo de trabajo técnico sobre medidas de fomento de la confianza' } },
    ]);
    expect(held.group).toMatchObject({ version: 3, mandateSource: 'A/AC.300/2027/2, decision 4', name: { es: 'Grupo de trabajo técnico sobre medidas de fomento de la confianza' } });
    expect(api.unanswered).toEqual([]);
  });
});
