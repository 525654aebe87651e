import { useEffect, useId, useRef, useState } from 'react';
import { Loader, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useNavigate } from 'react-router';
import { directionOf } from '../../app/languages';
import { useLang, useLocalPath } from '../../app/paths';
import { suggestionsQuery, useKindLabel } from './queries';
import classes from './search.module.css';

/** Whether a key press belongs to a field being typed in (where `/` is just a character). */
const typingIn = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The header's search box: a combobox (ARIA 1.2) with suggestions as the user types. `/` anywhere on
 * the page focuses it; the arrows move through the suggestions, Enter opens the one chosen (or the
 * results page for what is typed), Escape closes the list.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const navigate = useNavigate();
  const kindLabel = useKindLabel();
  const id = useId();
  const listId = `${id}-list`;
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [typed] = useDebouncedValue(text, 200);
  const q = typed.trim().length >= 2 ? typed : '';
  const suggestions = useQuery({ ...suggestionsQuery(q, lang), enabled: q.length > 0 });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const items = q && suggestions.data ? suggestions.data.items : [];
  // The options: each suggestion, then "every result for …".
  const options = [
    ...items.map((item) => ({ key: `${item.kind}:${item.id}`, path: item.link, item })),
    ...(text.trim() ? [{ key: 'all', path: `/search?q=${encodeURIComponent(text.trim())}`, item: null }] : []),
  ];
  const expanded = open && options.length > 0;

  const go = (path: string) => {
    setOpen(false);
    setActive(-1);
    void navigate(to(path));
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current === -1 && step === -1 ? options.length - 1 : (current + step + options.length) % options.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = expanded && active >= 0 ? options[active] : undefined;
      if (chosen) go(chosen.path);
      else if (text.trim()) go(`/search?q=${encodeURIComponent(text.trim())}`);
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    }
  };

  return (
    <div className={classes.headerSearch} role="search">
      <TextInput
        ref={input}
        type="search"
        size="sm"
        label={<VisuallyHidden>{t('search.header.label')}</VisuallyHidden>}
        placeholder={t('search.header.placeholder')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-keyshortcuts="/"
        rightSection={suggestions.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      />
      <ul id={listId} role="listbox" aria-label={t('search.header.suggestions')} className={classes.listbox} hidden={!expanded}>
        {expanded
          ? options.map((option, i) => (
              <li
                key={option.key}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className={classes.option}
                // Keep the focus in the field: the click chooses, the blur would close first.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => go(option.path)}
              >
                {option.item ? (
                  <>
                    <span lang={option.item.title.language ?? undefined} dir={option.item.title.language ? directionOf(option.item.title.language) : 'auto'}>
                      {option.item.title.text}
                    </span>
                    <span className={classes.optionKind}>{kindLabel(option.item.kind)}</span>
                  </>
                ) : (
                  t('search.header.all', { q: text.trim() })
                )}
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
