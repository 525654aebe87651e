import { useEffect } from 'react';
import { useLocation } from 'react-router';
import classes from './hash-target.module.css';

const MARKED = classes.target ?? 'hash-target';

/**
 * Brings the element named by the address's `#fragment` into view, gives it the focus and marks it
 * (`data-hash-target`, highlighted) once the page's content is there: the browser looks for it on
 * arrival, before a list loaded from the API exists, and finds nothing. A search result links to the
 * passage it found this way (`#para-…`, `#section-…`, `#statement-…`, `#amendment-…`).
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
    for (const earlier of document.querySelectorAll('[data-hash-target]')) {
      earlier.removeAttribute('data-hash-target');
      earlier.classList.remove(MARKED);
    }
    target.setAttribute('data-hash-target', '');
    target.classList.add(MARKED);
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  }, [ready, hash]);
}
