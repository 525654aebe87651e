import { Anchor, Group, List, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { useLang } from '../../app/paths';
import { formatDay } from '../../ui/dates';
import { Loaded } from '../../ui/Loaded';
import { inLanguage, isolated, isolatedLatin, Localized, Verbatim } from '../../ui/localized';
import { PageHeading } from '../../ui/PageHeading';
import listing from '../../ui/listing.module.css';
import { catalogueQuery, type Catalogue, type Dataset } from './queries';

/** The feeds, each with its label's key written out (the locale check looks for every key used). */
const FEEDS = { documents: 'openData.feed.documents', outcomes: 'openData.feed.outcomes', meetings: 'openData.feed.meetings' } as const;

/** The public record as open data: every dataset with its formats, licence and last change; the feeds. */
export default function OpenDataPage() {
  const { t } = useTranslation();
  const catalogue = useQuery(catalogueQuery());
  return (
    <div>
      <PageHeading>{t('openData.title')}</PageHeading>
      <Text mb="lg" className={listing.intro}>
        {t('openData.intro')}
      </Text>
      <Loaded query={catalogue}>{(data) => <CatalogueView catalogue={data} />}</Loaded>
    </div>
  );
}

function CatalogueView({ catalogue }: { catalogue: Catalogue }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      <Text mb="md">
        {t('openData.licence')}{' '}
        <Anchor href={catalogue.licence} rel="license">
          {catalogue.licence}
        </Anchor>
      </Text>
      <div className={listing.scroll}>
        <Table striped withTableBorder verticalSpacing="sm" className={listing.table}>
          <Table.Caption className={listing.caption}>{t('openData.caption', { count: catalogue.datasets.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('openData.dataset')}</Table.Th>
              <Table.Th scope="col">{t('openData.modified')}</Table.Th>
              <Table.Th scope="col">{t('openData.formats')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {catalogue.datasets.map((d) => (
              <DatasetRow key={d.id} dataset={d} />
            ))}
          </Table.Tbody>
        </Table>
      </div>

      <Title order={2} size="h3" mt="xl" mb="sm">
        {t('openData.feeds')}
      </Title>
      <Text mb="sm">{t('openData.feedsIntro')}</Text>
      <List>
        {Object.entries(FEEDS).map(([kind, label]) => (
          <List.Item key={kind}>
            <Anchor href={`/api/v1/feeds/${kind}.atom?lang=${lang}`} type="application/atom+xml">
              {t(label)}
            </Anchor>
          </List.Item>
        ))}
      </List>

      <Title order={2} size="h3" mt="xl" mb="sm">
        {t('openData.forMirrors')}
      </Title>
      <Text>{t('openData.mirrors')}</Text>
    </>
  );
}

function DatasetRow({ dataset: d }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = inLanguage(d.title, lang).text + (d.about ? `: ${inLanguage(d.about.title, lang).text}` : '');
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={600} component="div">
          <Localized text={d.title} />
          {d.about ? (
            <>
              {': '}
              <Localized text={d.about.title} />
            </>
          ) : null}
        </Text>
        <Text size="sm" component="div">
          {/* Parameter and format names inside a description in the page's language (asOf, Akoma Ntoso) are isolated. */}
          <Localized text={{ ...d.description, [lang]: d.description[lang] && isolatedLatin(d.description[lang], lang) }} />
        </Text>
      </Table.Td>
      <Table.Td>{d.modified ? formatDay(d.modified, lang) : t('openData.never')}</Table.Td>
      <Table.Td>
        <Group gap="xs">
          {d.distributions.map((dist) =>
            dist.url.includes('{id}') ? (
              <Text key={dist.url} size="sm">
                {t('openData.perOutcome', { format: isolated(dist.format, lang) })}
              </Text>
            ) : (
              <Anchor key={dist.url} href={dist.url} type={dist.mediaType} aria-label={t('openData.download', { format: dist.format, dataset: name })}>
                <Verbatim>{dist.format}</Verbatim>
              </Anchor>
            ),
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
