import { PasswordInput, TextInput } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { PASSWORD_MAX, PASSWORD_MIN, passwordIssue } from './validation';

/** Translated message for a new password's problem, or null. */
export function useNewPasswordError() {
  const { t } = useTranslation();
  return (value: string): string | null => {
    switch (passwordIssue(value)) {
      case 'required':
        return t('forms.required');
      case 'tooShort':
        return t('forms.passwordTooShort', { min: PASSWORD_MIN });
      case 'tooLong':
        return t('forms.passwordTooLong', { max: PASSWORD_MAX });
      default:
        return null;
    }
  };
}

interface NewPasswordProps {
  value: string;
  confirm: string;
  onChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  error?: string | null;
  confirmError?: string | null;
  label?: string;
}

/** A new password and its confirmation, with the length rule stated before it is broken. */
export function NewPasswordFields({ value, confirm, onChange, onConfirmChange, error, confirmError, label }: NewPasswordProps) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        label={label ?? t('forms.newPassword')}
        description={t('forms.passwordRule', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
        autoComplete="new-password"
        required
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        visibilityToggleButtonProps={{ 'aria-label': t('forms.showPassword') }}
      />
      <PasswordInput
        label={t('forms.confirmPassword')}
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => onConfirmChange(e.currentTarget.value)}
        error={confirmError}
        visibilityToggleButtonProps={{ 'aria-label': t('forms.showPassword') }}
      />
    </>
  );
}

interface OtpProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  autoFocus?: boolean;
  description?: string;
}

/** The six-digit code from an authenticator app. */
export function OtpField({ value, onChange, error, autoFocus, description }: OtpProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('forms.otp')}
      description={description ?? t('forms.otpHelp')}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      // The focus moves here when the server asks for the second factor, so the user can type at once.
      data-autofocus={autoFocus ? true : undefined}
      autoFocus={autoFocus}
      dir="ltr"
    />
  );
}
