import { useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useLang } from '../../app/paths';
import { Sentence, Verbatim } from '../../ui/localized';
import { statesQuery } from '../states';
import { KIND_LABEL } from './labels';

export interface StateNames {
  /** The State's name in the page's language; its code, marked as a code, while the reference loads or lacks it. */
  label: (iso3: string) => ReactNode;
  /** The same as plain text, to sort by. */
  text: (iso3: string) => string;
}

/**
 * The States' names in the page's language, from the six-language reference the States pages read
 * (one request for all of them, kept for five minutes), for the pages that list many States.
 */
export function useStateNames(): StateNames {
  const lang = useLang();
  const { data } = useQuery(statesQuery({}));
  return useMemo(() => {
    const byCode = new Map((data?.items ?? []).map((s) => [s.iso3, s.names[lang]]));
    return {
      label: (iso3) => {
        const name = byCode.get(iso3);
        return name ? name : <Verbatim>{iso3}</Verbatim>;
      },
      text: (iso3) => byCode.get(iso3) || iso3,
    };
  }, [data, lang]);
}

/**
 * An exchange between two States in words ("Chile → Kenya: Request for information"): each State by
 * its name in the page's language (its code, marked as a code, while the reference loads), the
 * arrow pointing the way the page's language reads.
 */
export function ThreadRoute({ from, to, kind }: { from: string; to: string; kind: keyof typeof KIND_LABEL }) {
  const { t } = useTranslation();
  const states = useStateNames();
  return <Sentence i18nKey="contacts.threads.route" values={{ from: <bdi>{states.label(from)}</bdi>, to: <bdi>{states.label(to)}</bdi>, kind: t(KIND_LABEL[kind]) }} />;
}
