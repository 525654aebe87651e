import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import classes from '../../ui/ui.module.css';

/** Recovery codes, shown once: the user copies, downloads or prints them before going on. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const text = `${t('recovery.fileHeading')}\n\n${codes.join('\n')}\n`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'poa-recovery-codes.txt';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" title={t('recovery.onceTitle')} data-testid="recovery-once">
        {t('recovery.once')}
      </Alert>
      <ul className={classes.codes} aria-label={t('recovery.listLabel')} data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Group gap="sm">
        <Button variant="outline" onClick={() => void copy()}>
          {t('recovery.copy')}
        </Button>
        <Button variant="outline" onClick={download}>
          {t('recovery.download')}
        </Button>
        <Button variant="outline" onClick={() => window.print()}>
          {t('recovery.print')}
        </Button>
      </Group>
      <Text size="sm" role="status" aria-live="polite">
        {copied ? t('recovery.copied') : ''}
      </Text>
    </Stack>
  );
}
