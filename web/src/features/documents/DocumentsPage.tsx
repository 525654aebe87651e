import { Anchor, Button, Group, Loader, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { PageHeading } from '../../ui/PageHeading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useSearchField, useSearchParam } from '../../ui/search-params';
import { DocumentsTable } from './parts';
import { meetingsQuery } from '../meetings';
import { DOCUMENT_TYPES, documentsQuery, isDocumentType, isUuid, isYear, useDocumentLabels } from './queries';
import listing from '../../ui/listing.module.css';
import { LocalizedOption } from '../../ui/localized';

/** The years offered in the filter: from the PoA's first documents to next year. */
function yearsOffered(): string[] {
  const last = new Date().getUTCFullYear() + 1;
  const years: string[] = [];
  for (let y = last; y >= 2021; y--) years.push(String(y));
  return years;
}

export default function DocumentsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const labels = useDocumentLabels();
  const [params, update] = useSearchParam();
  const { value: q, text, setText } = useSearchField('q', 300);
  const typeParam = params.get('type');
  const type = isDocumentType(typeParam) ? typeParam : undefined;
  const meetingParam = params.get('meeting');
  const meeting = isUuid(meetingParam) ? meetingParam : undefined;
  const yearParam = params.get('year');
  const year = isYear(yearParam) ? yearParam : undefined;

  const results = useQuery({ ...documentsQuery({ q, type, meeting, year }), placeholderData: keepPreviousData });
  const meetings = useQuery(meetingsQuery({}));
  const filtered = !!(q || type || meeting || year);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageHeading>{t('documents.title')}</PageHeading>
        {results.data?.can.issue ? (
          <Button component={Link} to={to('/documents/new')} variant="filled">
            {t('documents.issue.link')}
          </Button>
        ) : null}
      </Group>
      <Text className={listing.intro}>{t('documents.intro')}</Text>

      <form role="search" onSubmit={(e) => e.preventDefault()} className={listing.filters}>
        <TextInput
          type="search"
          label={t('documents.search')}
          description={t('documents.searchHelp')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          className={listing.search}
          autoComplete="off"
        />
        <NativeSelect
          label={t('documents.type')}
          value={type ?? ''}
          onChange={(e) => update('type', e.currentTarget.value)}
          data={[{ value: '', label: t('documents.allTypes') }, ...DOCUMENT_TYPES.map((d) => ({ value: d, label: labels.type(d) }))]}
          className={listing.filter}
        />
        <NativeSelect
          label={t('documents.meeting')}
          value={meeting ?? ''}
          onChange={(e) => update('meeting', e.currentTarget.value)}
          className={listing.filter}
        >
          <option value="">{t('documents.allMeetings')}</option>
          {(meetings.data?.items ?? []).map((m) => (
            <LocalizedOption key={m.id} value={m.id} text={m.title} />
          ))}
          {/* A meeting in the address that the list does not hold (yet) stays selectable. */}
          {meeting && !meetings.data?.items.some((m) => m.id === meeting) ? <option value={meeting}>{t('documents.thisMeeting')}</option> : null}
        </NativeSelect>
        <NativeSelect
          label={t('documents.year')}
          value={year ?? ''}
          onChange={(e) => update('year', e.currentTarget.value)}
          data={[{ value: '', label: t('documents.allYears') }, ...[...new Set([...(year ? [year] : []), ...yearsOffered()])].map((y) => ({ value: y, label: new Intl.NumberFormat(lang, { useGrouping: false }).format(Number(y)) }))]}
          className={listing.filter}
        />
      </form>

      <Group gap="xs" mih={28}>
        <Text fw={600} role="status" aria-live="polite">
          {results.data
            ? results.data.total > results.data.items.length
              ? t('documents.foundSome', { shown: results.data.items.length.toLocaleString(lang), total: results.data.total.toLocaleString(lang) })
              : t('documents.found', { count: results.data.total })
            : ''}
        </Text>
        {results.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        {filtered ? (
          <Anchor component={Link} to={to('/documents')} size="sm">
            {t('documents.clearFilters')}
          </Anchor>
        ) : null}
      </Group>

      {results.isError ? (
        <ProblemAlert error={results.error} />
      ) : results.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : results.data.items.length === 0 ? (
        <Text>{filtered ? t('documents.noneFound') : t('documents.noneYet')}</Text>
      ) : (
        <DocumentsTable items={results.data.items} caption={filtered ? t('documents.captionFiltered') : t('documents.caption')} />
      )}
    </Stack>
  );
}
