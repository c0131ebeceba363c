import { useI18n } from '../i18n/i18n';
import { Field } from './components';

/**
 * The e-mail and password fields of a sign-in form (メールアドレス・パスワード). The password is the current one
 * unless `newPassword` is given (sign-up), which sets its minimum length and the hint that says so.
 */
export function CredentialFields({
  email,
  password,
  onEmail,
  onPassword,
  newPassword,
}: {
  email: string;
  password: string;
  onEmail(value: string): void;
  onPassword(value: string): void;
  newPassword?: { minLength: number; hint: string };
}) {
  const { t } = useI18n();
  return (
    <>
      <Field
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(event) => onEmail(event.target.value)}
        required
      />
      <Field
        label={t('auth.password')}
        type="password"
        autoComplete={newPassword ? 'new-password' : 'current-password'}
        minLength={newPassword?.minLength}
        hint={newPassword?.hint}
        value={password}
        onChange={(event) => onPassword(event.target.value)}
        required
      />
    </>
  );
}
