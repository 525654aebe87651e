import { Anchor, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLocalPath } from '../../app/paths';
import { Localized } from '../../ui/localized';
import { servingQuery, useInitiativeLabels } from './queries';

/** "Who else works on this": the published initiatives that serve a framework element, on its page. */
export function WhoElseWorksOnThis({ code }: { code: string }) {
  const { t } = useTranslation();
  const to = useLocalPath();
  const labels = useInitiativeLabels();
  const serving = useQuery(servingQuery(code));
  return (
    <section aria-labelledby="element-initiatives">
      <Title order={2} size="h3" id="element-initiatives" mb="sm">
        {t('initiatives.whoElse')}
      </Title>
      {serving.isSuccess && serving.data.items.length > 0 ? (
        <ul>
          {serving.data.items.map((i) => (
            <li key={i.id}>
              <Anchor component={Link} to={to(`/initiatives/${i.id}`)}>
                <Localized text={i.name} />
              </Anchor>{' '}
              — <Localized text={i.owner} /> ({labels.kind(i.kind)})
            </li>
          ))}
        </ul>
      ) : serving.isSuccess ? (
        <Text>{t('initiatives.whoElseNone')}</Text>
      ) : null}
    </section>
  );
}
