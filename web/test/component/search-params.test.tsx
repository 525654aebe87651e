import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { useSearchParam } from '../../src/ui/search-params';
import { renderPage } from './app';

/** Two filters of one page, each with its own hook, changed by one click before the page renders again. */
function Filters() {
  const [params, setGroup] = useSearchParam();
  const [, setQuery] = useSearchParam();
  return (
    <>
      <p data-testid="query">{params.toString()}</p>
      <button
        type="button"
        onClick={() => {
          setQuery('q', '');
          setGroup('group', 'EEG');
        }}
      >
        both
      </button>
    </>
  );
}

describe('filters kept in the address', () => {
  it('keeps every change made before the page renders again (a search cleared just as a group is chosen)', async () => {
    const page = renderPage('/en/states?q=cote+d', [{ path: 'states', element: <Filters /> }]);
    await page.user.click(await screen.findByRole('button', { name: 'both' }, { timeout: 15_000 }));
    await waitFor(() => expect(screen.getByTestId('query').textContent).toBe('group=EEG'));
  });
});
