import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { formatInstant } from '../../ui/dates';
import { Loaded } from '../../ui/Loaded';
import { ProperName } from '../../ui/localized';
import { PageHeading } from '../../ui/PageHeading';
import { READER_ROLE_LABEL, ROLE_LABEL } from './labels';
import { readsQuery } from './queries';
import { useStateNames } from './state-names';

const roleKey = (role: string) => (role === 'secretariat' || role === 'focal_point' ? READER_ROLE_LABEL[role] : READER_ROLE_LABEL.poc);

/** Who read the State's entries in the directory, and when (the Secretariat: everyone's). */
export default function ReadsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const to = useLocalPath();
  const reads = useQuery(readsQuery());
  const states = useStateNames();
  return (
    <Stack gap="lg">
      <PageHeading>{t('contacts.reads.title')}</PageHeading>
      <Text>{t('contacts.reads.intro')}</Text>
      <Anchor component={Link} to={to('/contacts')}>
        {t('contacts.directory.title')}
      </Anchor>
      <Loaded query={reads}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('contacts.reads.none')}</Text>
          ) : (
            <>
              <Text role="status">{t('contacts.reads.count', { count: data.items.length })}</Text>
              <Table.ScrollContainer minWidth={640}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('contacts.reads.when')}</Table.Th>
                      <Table.Th scope="col">{t('contacts.reads.reader')}</Table.Th>
                      <Table.Th scope="col">{t('contacts.reads.entry')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((r, i) => (
                      <Table.Tr key={`${r.pocId}:${r.at}:${i}`}>
                        <Table.Td>{formatInstant(r.at, lang)}</Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            <ProperName>{r.readerName}</ProperName>
                          </Text>
                          <Text size="xs">
                            {r.readerState ? <>{states.label(r.readerState)} · </> : ''}
                            {t(roleKey(r.readerRole))}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            <ProperName>{r.pocName}</ProperName>
                          </Text>
                          <Text size="xs">
                            {states.label(r.pocState)} · {t(ROLE_LABEL[r.pocRole])}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )
        }
      </Loaded>
    </Stack>
  );
}
