import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { HeaderSearch } from '../../src/features/search';
import SearchPage from '../../src/features/search/SearchPage';
import { renderPage } from './app';

const hit = (id: string, title: string, link: string) => ({
  kind: 'framework-element',
  id,
  title: { text: title, language: 'en', fallback: false },
  fragments: [{ language: 'en', parts: [{ text: title, match: true }] }],
  link,
  date: '2023-07-28',
  state: null,
  rank: 0.5,
});
const SUGGESTIONS = { items: [hit('threat-ransomware', 'Ransomware', '/framework/threat-ransomware'), hit('norm-13f', 'Critical infrastructure', '/framework/norm-13f')] };

function renderHeader() {
  return renderPage('/en', [{ index: true, element: <HeaderSearch /> }, { path: 'framework/:code', element: <p>element page</p> }, { path: 'search', element: <p>results page</p> }], (api) => {
    api.on('GET', '/api/v1/search/suggestions', SUGGESTIONS);
  });
}

describe('the header search box', () => {
  it('is focused by "/", except while typing in another field', async () => {
    renderHeader();
    const box = await screen.findByRole('combobox', { name: 'Search the platform' });
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(box);
    box.blur();
    const other = document.createElement('input');
    document.body.append(other);
    other.focus();
    fireEvent.keyDown(other, { key: '/' });
    expect(document.activeElement).toBe(other);
    other.remove();
  });

  it('moves through the suggestions with the arrows and opens the one chosen with Enter', async () => {
    const { user, path, api } = renderHeader();
    const box = await screen.findByRole('combobox');
    await user.type(box, 'ransom');
    const list = await screen.findByRole('listbox', { name: 'Suggestions' });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(box.getAttribute('aria-controls')).toBe(list.id);
    expect(box.hasAttribute('aria-activedescendant')).toBe(false);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const second = screen.getAllByRole('option')[1]!;
    expect(box.getAttribute('aria-activedescendant')).toBe(second.id);
    expect(second.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowUp}');
    expect(box.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0]!.id);
    await user.keyboard('{Enter}');
    await screen.findByText('element page');
    expect(path()).toBe('/en/framework/threat-ransomware');
    expect(api.sentTo('GET', '/api/v1/search/suggestions').at(-1)!.query.get('q')).toBe('ransom');
  });

  it('closes the list with Escape, and Enter then searches for what is typed', async () => {
    const { user, path } = renderHeader();
    const box = await screen.findByRole('combobox');
    await user.type(box, 'ransom');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
    await user.keyboard('{ArrowDown}{Escape}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('option')).toBeNull();
    await user.keyboard('{Enter}');
    await screen.findByText('results page');
    expect(path()).toBe('/en/search');
  });

  it('offers every result as its last option, reached by ArrowUp from the field', async () => {
    const { user, path } = renderHeader();
    const box = await screen.findByRole('combobox');
    await user.type(box, 'ransom');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
    await user.keyboard('{ArrowUp}');
    expect(screen.getAllByRole('option')[2]!.textContent).toBe('Every result for “ransom”');
    await user.keyboard('{Enter}');
    await screen.findByText('results page');
    expect(path()).toBe('/en/search');
  });
});

describe('the results page', () => {
  it('keeps its filters in the address and shows counts by kind', async () => {
    const { api } = renderPage('/fr/search?q=ransom&kind=draft&state=CHL', [{ path: 'search', element: <SearchPage /> }], (api) => {
      api.on('GET', '/api/v1/search', { items: [{ ...hit('d1', 'Projet sur les rançongiciels', '/drafts/d1#para-p1'), kind: 'draft', state: 'CHL', title: { text: 'Projet sur les rançongiciels', language: 'fr', fallback: false } }], total: 1, facets: [{ kind: 'draft', count: 1 }, { kind: 'framework-element', count: 4 }] });
    });
    await screen.findByRole('heading', { level: 1, name: 'Recherche' });
    await screen.findByRole('link', { name: 'Projet sur les rançongiciels' });
    expect(screen.getByRole('status').textContent).toBe('1 résultat');
    expect(screen.getByRole('option', { name: 'Élément du cadre (4)' })).toBeTruthy();
    const sent = api.sentTo('GET', '/api/v1/search').at(-1)!;
    expect(Object.fromEntries(sent.query)).toMatchObject({ q: 'ransom', kind: 'draft', state: 'CHL', lang: 'fr' });
    expect(screen.getByRole('link', { name: 'Projet sur les rançongiciels' }).getAttribute('href')).toBe('/fr/drafts/d1#para-p1');
  });
});

describe('the results page’s filters', () => {
  it('a filter changed goes back to the first page, the other filters kept', async () => {
    const { user, api } = renderPage('/en/search?q=ransom&state=CHL&offset=20', [{ path: 'search', element: <SearchPage /> }], (api) => {
      api.on('GET', '/api/v1/search', { items: [], total: 0, facets: [] });
    });
    await screen.findByRole('heading', { level: 1, name: 'Search' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'draft');
    await waitFor(() => expect(Object.fromEntries(api.sentTo('GET', '/api/v1/search').at(-1)!.query)).toMatchObject({ q: 'ransom', state: 'CHL', kind: 'draft', offset: '0' }));
  });
});
