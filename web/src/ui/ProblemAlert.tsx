import { Alert } from '@mantine/core';
import { problemMessage, problemTitle, type ProblemContext } from './problems';

/** A form's error, announced when it appears, titled by what happened; field errors are shown beside their fields. */
export function ProblemAlert({ error, context }: { error: unknown; context?: ProblemContext }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={problemTitle(error, context)} role="alert">
      {problemMessage(error)}
    </Alert>
  );
}
