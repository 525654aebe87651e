import { useEffect, useRef, useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../app/session';
import { isStale, useVersionedSave, versionTag } from '../../ui/versioned-save';
import { reportQuery, type Answer, type DraftSection, type Report, type Visibility } from './queries';

/** What the editor says of its saving: shown in the page's status line. */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'conflict' } | { kind: 'error'; error: unknown };

/** A section as it was saved: its answer, its own visibility, and its version. */
export interface SavedSection {
  answer: Answer;
  visibility: Visibility | null;
  version: number;
}

/** Another person's version of the section, saved after this one was opened. */
export interface Conflict extends SavedSection {
  updatedAt: string | null;
  name: string | null;
}

/** How long typing may pause before what was typed is saved. */
const AUTOSAVE_MS = 900;

/** Empty entries are left out: a need needs words to be a need. */
export function cleaned(answer: Answer): Answer {
  const out: Answer = { ...answer };
  if (out.needs) out.needs = out.needs.filter((n) => n.description.trim().length > 0).map((n) => ({ description: n.description.trim(), codes: n.codes }));
  if (out.needs?.length === 0) delete out.needs;
  if (!out.status) delete out.status;
  return out;
}

/** The report in the cache with one section as saved, instead of fetching the whole report again. */
function keepSaved(queryClient: QueryClient, report: Report, key: string, saved: Omit<DraftSection, 'key' | 'effectiveVisibility'>) {
  queryClient.setQueryData(reportQuery(report.id).queryKey, (old: Report | undefined) => {
    if (!old?.draft) return old;
    const section: DraftSection = { key, ...saved, effectiveVisibility: saved.visibility ?? old.visibility ?? 'public' };
    const draft = old.draft.some((d) => d.key === key) ? old.draft.map((d) => (d.key === key ? section : d)) : [...old.draft, section];
    return { ...old, draft };
  });
}

/**
 * One section of a report, saving itself as it is typed: a save after each pause, one at a time (what
 * is typed during a save is saved after it), at once when the section is left. Each save is made on
 * the version it started from; when someone else saved first, their version is the `conflict`, and
 * saving waits for the person to keep theirs or take the other.
 *
 * A save puts the section, with its new version, into the report in the cache: the report is not
 * fetched again after every pause. Its history, which only the server writes, is read again when it
 * is looked at.
 */
export function useSectionAutosave({
  report,
  sectionKey,
  initial,
  onState,
  onDirty,
}: {
  report: Report;
  sectionKey: string;
  initial: SavedSection | null;
  onState: (state: SaveState) => void;
  onDirty: (dirty: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const me = useMe();
  const [answer, setAnswer] = useState<Answer>(initial?.answer ?? {});
  const [visibility, setVisibility] = useState<Visibility | null>(initial?.visibility ?? null);
  // The version this section was opened on, kept while it is open (the report may be fetched again meanwhile).
  const [openedOn] = useState(versionTag(initial?.version ?? 0));
  const latest = useRef({ answer, visibility });
  const dirty = useRef(false);
  const inFlight = useRef(false);
  const again = useRef(false);
  const blocked = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = useVersionedSave({
    etag: openedOn,
    send: (ifMatch, sent: { answer: Answer; visibility: Visibility | null }) =>
      unwrap(api.PUT('/api/v1/reporting/reports/{id}/sections/{key}', { params: { path: { id: report.id, key: sectionKey } }, headers: ifMatch, body: sent })),
    savedEtag: (saved) => versionTag(saved.version),
    // The refusal carries the other version; who saved it is read with the report, fetched again as it changed.
    onStale: async (problem): Promise<{ value: Conflict; etag: string }> => {
      const body = problem.extensions as { currentVersion?: number; current?: { answer: Answer; visibility: Visibility | null; updatedAt: string } | null };
      const fresh = await queryClient.fetchQuery({ ...reportQuery(report.id), staleTime: 0 }).catch(() => null);
      const name = fresh?.draft?.find((d) => d.key === sectionKey)?.updatedByName ?? null;
      const version = body.currentVersion ?? 0;
      const conflict = { version, answer: body.current?.answer ?? {}, visibility: body.current?.visibility ?? null, updatedAt: body.current?.updatedAt ?? null, name };
      return { value: conflict, etag: versionTag(version) };
    },
  });

  const flushRef = useRef<() => Promise<void>>(async () => {});
  const flush = async (): Promise<void> => {
    if (blocked.current || !dirty.current) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    dirty.current = false;
    onState({ kind: 'saving' });
    const sent = { answer: cleaned(latest.current.answer), visibility: latest.current.visibility };
    try {
      const { version } = await save.mutateAsync(sent);
      // A fetch of the report begun before this save would bring the section back as it was.
      await queryClient.cancelQueries({ queryKey: reportQuery(report.id).queryKey });
      const account = me.data?.account;
      keepSaved(queryClient, report, sectionKey, { ...sent, version, updatedAt: new Date().toISOString(), updatedBy: account?.id ?? '', updatedByName: account?.name ?? '' });
      // The section's history is the server's: read again when next looked at, not now.
      void queryClient.invalidateQueries({ queryKey: reportQuery(report.id).queryKey, refetchType: 'none' });
      if (!dirty.current) onDirty(false);
      onState({ kind: 'saved', at: new Date() });
    } catch (error) {
      dirty.current = true;
      if (isStale(error)) {
        blocked.current = true;
        onState({ kind: 'conflict' });
      } else onState({ kind: 'error', error });
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void flushRef.current();
      }
    }
  };
  useEffect(() => {
    flushRef.current = flush;
  });

  /** A change typed: saved after the next pause. */
  const change = (next: { answer?: Answer; visibility?: Visibility | null }) => {
    const merged = { answer: next.answer ?? latest.current.answer, visibility: next.visibility === undefined ? latest.current.visibility : next.visibility };
    latest.current = merged;
    if (next.answer) setAnswer(next.answer);
    if (next.visibility !== undefined) setVisibility(next.visibility);
    dirty.current = true;
    onDirty(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), AUTOSAVE_MS);
  };

  /** One field of the answer typed. */
  const set = <K extends keyof Answer>(field: K, value: Answer[K]) => change({ answer: { ...latest.current.answer, [field]: value } });

  // Leaving the section saves what was typed at once.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      void flushRef.current();
    },
    [],
  );

  const conflict = save.theirs;
  /** Saves this person's version over the other one, as the next version. */
  const keepMine = () => {
    if (!conflict) return;
    blocked.current = false;
    dirty.current = true;
    save.dropTheirs();
    void flush();
  };
  /** Takes the other person's version, and saves nothing. */
  const takeTheirs = () => {
    if (!conflict) return;
    latest.current = { answer: conflict.answer, visibility: conflict.visibility };
    setAnswer(conflict.answer);
    setVisibility(conflict.visibility);
    blocked.current = false;
    dirty.current = false;
    onDirty(false);
    save.dropTheirs();
    onState({ kind: 'idle' });
  };

  return { answer, visibility, change, set, conflict, keepMine, takeTheirs };
}
