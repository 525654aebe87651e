import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useLocation, useSearchParams } from 'react-router';

/**
 * The query last written to the address by any filter of the page, until the router renders it.
 * React Router hands a functional update the query of the last render, so two filters changed
 * before the page renders again (a debounced search field catching up just as a select changes)
 * would each start from the same query, and the second would drop the first's change. Every update
 * starts from this instead, shared by all the page's filters (one address, one query).
 */
let written: { path: string; query: string } | null = null;

/**
 * A filter kept in the page's address (`?group=EEG`), so that a link to the page repeats it.
 * Setting a value replaces the current history entry; an empty value removes the parameter, and
 * `clear` names others removed in the same change (a page number, when a filter changes).
 */
export function useSearchParam(): [URLSearchParams, (key: string, value: string, clear?: readonly string[]) => void] {
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  // Rendered at last, or another page: the address is the reference again.
  if (written && (written.path !== pathname || written.query === params.toString())) written = null;
  const update = (key: string, value: string, clear: readonly string[] = []) => {
    const next = new URLSearchParams(written?.path === pathname ? written.query : params);
    if (value) next.set(key, value);
    else next.delete(key);
    for (const other of clear) next.delete(other);
    written = { path: pathname, query: next.toString() };
    setParams(next, { replace: true });
  };
  return [params, update];
}

/**
 * A search field bound to one parameter of the address (`?q=`): the field keeps what is typed and
 * the address follows a moment later, so typing never waits for the router; when the address
 * changes by itself (the back button, a link), the field follows it.
 * Returns the address's value (trimmed), the field's text and its setter.
 */
export function useSearchField(key = 'q', delayMs = 250): { value: string; text: string; setText: (text: string) => void } {
  const [params, update] = useSearchParam();
  const value = (params.get(key) ?? '').trim();
  const [text, setText] = useState(value);
  const [typed] = useDebouncedValue(text.trim(), delayMs);
  const written = useRef(value);
  useEffect(() => {
    if (typed === written.current) return;
    written.current = typed;
    update(key, typed);
    // `update` is made anew each render; only what was typed matters here.
  }, [typed, key]);
  useEffect(() => {
    if (value !== written.current) {
      written.current = value;
      setText(value);
    }
  }, [value]);
  return { value, text, setText };
}
