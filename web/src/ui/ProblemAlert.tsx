import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage } from './problems';

/** A form's error, announced when it appears; field errors are shown beside their fields. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert">
      {problemMessage(error)}
    </Alert>
  );
}
