/** Passwords the server accepts: 12 to 256 characters. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export const looksLikeEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

/** A TOTP code as typed: spaces removed, six digits expected. */
export const normaliseOtp = (value: string): string => value.replace(/\s+/g, '');
export const looksLikeOtp = (value: string): boolean => /^\d{6}$/.test(normaliseOtp(value));

export type PasswordIssue = 'required' | 'tooShort' | 'tooLong' | null;

export function passwordIssue(value: string): PasswordIssue {
  if (!value) return 'required';
  if ([...value].length < PASSWORD_MIN) return 'tooShort';
  if ([...value].length > PASSWORD_MAX) return 'tooLong';
  return null;
}
