import type { ReactNode } from 'react';
import { Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { useDraftLabels, type DraftParagraph } from './queries';
import classes from './drafts.module.css';

export type ParagraphKind = DraftParagraph['kind'];

/** A paragraph being written, in a zero draft or the next revision. */
export interface EditedParagraph {
  /** Its identity in this form. */
  id: string;
  /** The key kept from the previous revision, so that revisions compare paragraph by paragraph; none for a new paragraph. */
  key: string | null;
  kind: ParagraphKind;
  text: string;
}

let counter = 0;

export function newParagraph(kind: ParagraphKind, text = ''): EditedParagraph {
  counter += 1;
  return { id: `new-${counter}`, key: null, kind, text };
}

/** The paragraphs with `paragraph` inserted after the one whose id or key is `after` (first when `after` is null). */
export function insertParagraph(paragraphs: readonly EditedParagraph[], after: string | null, paragraph: EditedParagraph): EditedParagraph[] {
  const at = after === null ? 0 : paragraphs.findIndex((p) => p.id === after || p.key === after) + 1;
  return [...paragraphs.slice(0, at), paragraph, ...paragraphs.slice(at)];
}

/** Whether the text can be tabled or issued: at least one paragraph, none empty. */
export const paragraphsComplete = (paragraphs: readonly EditedParagraph[]): boolean => paragraphs.length > 0 && paragraphs.every((p) => p.text.trim() !== '');

/** What the API takes: kept keys, kinds and trimmed texts, in order. */
export const paragraphsBody = (paragraphs: readonly EditedParagraph[]) => paragraphs.map((p) => ({ ...(p.key ? { key: p.key } : {}), kind: p.kind, text: p.text.trim() }));

/**
 * The numbered paragraphs of a text being written: kind and text of each, a paragraph added after
 * any other or at the end, any removed. `aside` shows what belongs beside a paragraph (the
 * proposals on it, when revising).
 */
export function ParagraphsEditor({
  paragraphs,
  onChange,
  aside,
}: {
  paragraphs: EditedParagraph[];
  onChange: (update: (paragraphs: EditedParagraph[]) => EditedParagraph[]) => void;
  aside?: (paragraph: EditedParagraph) => ReactNode;
}) {
  const { t } = useTranslation();
  const labels = useDraftLabels();
  const change = (id: string, patch: Partial<EditedParagraph>) => onChange((ps) => ps.map((p) => (p.id === id ? { ...p, ...patch } : p)));
  const focusText = (id: string) => window.requestAnimationFrame(() => document.getElementById(`paragraph-text-${id}`)?.focus());
  const add = (after: string | null, kind: ParagraphKind) => {
    const paragraph = newParagraph(kind);
    onChange((ps) => (after === null ? [...ps, paragraph] : insertParagraph(ps, after, paragraph)));
    focusText(paragraph.id);
  };
  const remove = (index: number, id: string) => {
    onChange((ps) => ps.filter((p) => p.id !== id));
    // The focus goes to the paragraph that takes its place, or to the one before.
    const next = paragraphs[index + 1] ?? paragraphs[index - 1];
    if (next) focusText(next.id);
  };

  return (
    <Stack gap="sm">
      <ol className={classes.paragraphs} aria-label={t('drafts.paragraphsLabel')}>
        {paragraphs.map((p, i) => (
          <li key={p.id} className={classes.paragraph} data-edit={p.key ?? 'new'}>
            <Stack gap="xs">
              <NativeSelect
                label={t('drafts.editor.kind', { n: i + 1 })}
                value={p.kind}
                onChange={(e) => change(p.id, { kind: e.currentTarget.value === 'preambular' ? 'preambular' : 'operative' })}
                data={(['preambular', 'operative'] as const).map((k) => ({ value: k, label: labels.paragraphKind(k) }))}
              />
              <Textarea
                id={`paragraph-text-${p.id}`}
                label={t('drafts.editor.text', { n: i + 1 })}
                value={p.text}
                onChange={(e) => change(p.id, { text: e.currentTarget.value })}
                autosize
                minRows={2}
                required
                maxLength={10_000}
                dir="auto"
              />
              <Group gap="xs">
                <Button size="compact-sm" variant="outline" onClick={() => add(p.id, p.kind)}>
                  {t('drafts.editor.addAfter', { n: i + 1 })}
                </Button>
                <Button size="compact-sm" variant="outline" color="red.9" onClick={() => remove(i, p.id)}>
                  {t('drafts.editor.remove', { n: i + 1 })}
                </Button>
              </Group>
            </Stack>
            {aside ? aside(p) : null}
          </li>
        ))}
      </ol>
      <Group>
        <Button variant="outline" onClick={() => add(null, paragraphs.at(-1)?.kind ?? 'preambular')}>
          {t('drafts.editor.addAtEnd')}
        </Button>
      </Group>
    </Stack>
  );
}
