import { Anchor, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { Link } from 'react-router';
import { useLocalPath } from '../../app/paths';
import { useMe } from '../../app/session';
import { PageHeading } from '../../ui/PageHeading';
import { NextSection } from './NextSection';
import { NowSection } from './NowSection';
import classes from './HomePage.module.css';

export default function HomePage() {
  const { t } = useTranslation();
  const to = useLocalPath();
  const me = useMe();
  const account = me.data?.account ?? null;
  const can = me.data?.can;

  return (
    <Stack gap="xl">
      <section className={classes.hero} aria-labelledby="home-title">
        <Text className={classes.kicker}>{t('home.kicker')}</Text>
        <PageHeading id="home-title">{t('home.title')}</PageHeading>
        <Text size="lg" className={classes.lead}>
          {t('home.lead')}
        </Text>
      </section>

      <NowSection />

      <section aria-labelledby="home-what">
        <Title order={2} id="home-what" className={classes.sectionTitle}>
          {t('home.what.title')}
        </Title>
        <Text mb="md" className={classes.prose}>
          {t('home.what.resolution')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Card withBorder padding="lg" component="article">
            <Title order={3} size="h4" mb="xs">
              {t('home.what.scopeTitle')}
            </Title>
            <Text size="sm">{t('home.what.scope')}</Text>
          </Card>
          <Card withBorder padding="lg" component="article">
            <Title order={3} size="h4" mb="xs">
              {t('home.what.frameworkTitle')}
            </Title>
            <Text size="sm">{t('home.what.framework')}</Text>
          </Card>
          <Card withBorder padding="lg" component="article">
            <Title order={3} size="h4" mb="xs">
              {t('home.what.capacityTitle')}
            </Title>
            <Text size="sm">{t('home.what.capacity')}</Text>
          </Card>
        </SimpleGrid>
      </section>

      <section aria-labelledby="home-how">
        <Title order={2} id="home-how" className={classes.sectionTitle}>
          {t('home.how.title')}
        </Title>
        <List spacing="sm" className={classes.prose}>
          <List.Item>{t('home.how.meetings')}</List.Item>
          <List.Item>{t('home.how.groups')}</List.Item>
          <List.Item>{t('home.how.reporting')}</List.Item>
          <List.Item>{t('home.how.stakeholders')}</List.Item>
        </List>
      </section>

      <NextSection />

      <section aria-labelledby="home-start">
        <Title order={2} id="home-start" className={classes.sectionTitle}>
          {t('home.start.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <EntryPoint to={to('/states')} title={t('home.start.statesTitle')} text={t('home.start.states')} />
          {account ? <EntryPoint to={to('/my')} title={t('my.title')} text={t('home.start.my')} /> : null}
          {account ? (
            <EntryPoint to={to('/account')} title={t('home.start.accountTitle')} text={t('home.start.account')} />
          ) : (
            <EntryPoint to={to('/sign-in')} title={t('home.start.signInTitle')} text={t('home.start.signIn')} />
          )}
          {can?.invite ? <EntryPoint to={to('/invite')} title={t('home.start.inviteTitle')} text={t('home.start.invite')} /> : null}
          <EntryPoint href="/api/docs" title={t('home.start.apiTitle')} text={t('home.start.api')} />
        </SimpleGrid>
      </section>

      <Text size="sm" c="dimmed" className={classes.source}>
        {t('home.source')}
      </Text>
    </Stack>
  );
}

function EntryPoint({ to, href, title, text }: { to?: string; href?: string; title: string; text: string }) {
  return (
    <Card withBorder padding="lg" component="article" className={classes.entry}>
      <Title order={3} size="h4" mb="xs">
        {to ? (
          <Anchor component={Link} to={to} className={classes.entryLink}>
            {title}
          </Anchor>
        ) : (
          <Anchor href={href} className={classes.entryLink}>
            {title}
          </Anchor>
        )}
      </Title>
      <Text size="sm">{text}</Text>
    </Card>
  );
}
