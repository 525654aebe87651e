import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Brings the element named by the address's `#fragment` into view and gives it the focus once the
 * page's content is there: the browser looks for it on arrival, before a list loaded from the API
 * exists, and finds nothing.
 */
export function useHashTarget(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    let id: string;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch {
      return;
    }
    const target = document.getElementById(id);
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  }, [ready, hash]);
}
