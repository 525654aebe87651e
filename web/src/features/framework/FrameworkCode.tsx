import { Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useLang, useLocalPath } from '../../app/paths';
import { InLanguage, Verbatim } from '../../ui/localized';
import ui from '../../ui/ui.module.css';
import { frameworkQuery, today } from './queries';

/**
 * A framework element named by its code and its title in the page's language ("norm-13a — Cooperation
 * to increase stability…"), linked to its page: a bare code means nothing to most readers. The titles
 * come from the framework as it stands today, read once and shared by every code on the page; until
 * they arrive (or for a code the framework does not know), the code alone is shown.
 */
export function FrameworkCode({ code, link = true }: { code: string; link?: boolean }) {
  const lang = useLang();
  const to = useLocalPath();
  const framework = useQuery(frameworkQuery(today(), lang));
  const element = framework.data?.items.find((e) => e.code === code);
  const codeText = (
    <span className={ui.code}>
      <Verbatim>{code}</Verbatim>
    </span>
  );
  const named = (
    <>
      {codeText}
      {element ? (
        <>
          {' — '}
          <InLanguage lang={element.display.language}>{element.display.title}</InLanguage>
        </>
      ) : null}
    </>
  );
  return link ? (
    <Anchor component={Link} to={to(`/framework/${code}`)} data-code={code}>
      {named}
    </Anchor>
  ) : (
    <span data-code={code}>{named}</span>
  );
}
