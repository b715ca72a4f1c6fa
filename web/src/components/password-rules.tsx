// The password rules under the password field, each ticked as soon as what the member typed meets it.
import { List, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './password-rules.module.css';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export type PasswordRule = 'length' | 'digit' | 'upper' | 'lower' | 'symbol' | 'notLoginId';

/** Which rules the password meets; the same rules the server applies, plus the login-ID rule. */
export function passwordRules(password: string, loginId: string): { rule: PasswordRule; met: boolean }[] {
  const id = loginId.trim().toLowerCase();
  return [
    { rule: 'length', met: password.length >= PASSWORD_MIN && password.length <= PASSWORD_MAX },
    { rule: 'digit', met: /[0-9]/.test(password) },
    { rule: 'upper', met: /[A-Z]/.test(password) },
    { rule: 'lower', met: /[a-z]/.test(password) },
    { rule: 'symbol', met: /[^A-Za-z0-9]/.test(password) },
    // An empty login ID is contained in everything; the rule is only meaningful once one is typed.
    { rule: 'notLoginId', met: password !== '' && (id === '' || !password.toLowerCase().includes(id)) },
  ];
}

export function PasswordRules({ id, password, loginId }: { id: string; password: string; loginId: string }) {
  const { t } = useTranslation();
  return (
    <div id={id}>
      <Text size="sm" fw={700}>
        {t('register.passwordRules.title')}
      </Text>
      <List size="sm" spacing={2} listStyleType="none" className={classes.list}>
        {passwordRules(password, loginId).map(({ rule, met }) => (
          <List.Item key={rule} data-rule={rule} data-met={met} className={met ? classes.met : classes.unmet}>
            <span aria-hidden="true" className={classes.mark}>
              {met ? '✓' : '・'}
            </span>
            {t(`register.passwordRules.${rule}`, { min: PASSWORD_MIN, max: PASSWORD_MAX })}
            <VisuallyHidden>
              {met ? t('register.passwordRules.met') : t('register.passwordRules.unmet')}
            </VisuallyHidden>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
