import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useSearchParams } from 'react-router';

/**
 * A filter kept in the page's address (`?group=EEG`), so that a link to the page repeats it.
 * Setting a value replaces the current history entry; an empty value removes the parameter.
 */
export function useSearchParam(): [URLSearchParams, (key: string, value: string) => void] {
  const [params, setParams] = useSearchParams();
  const update = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
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
