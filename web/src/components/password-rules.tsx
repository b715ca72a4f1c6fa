// The password rules under the password field, each ticked as soon as what the member typed meets it: the server's own policy (domain/forms/password-policy), not a copy.
import { List, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  checkPassword,
  DEFAULT_PASSWORD_POLICY_PRESET,
  type PasswordPolicyPreset,
  passwordPolicyIssues,
} from '../../../src/domain/forms/password-policy';
import { useStoreProfile } from '../api/store';
import { useLang } from './catalog-format';
import classes from './password-rules.module.css';

/**
 * The preset a reset or change must meet: the store's setting, read from GET /api/store. Registration
 * passes `DEFAULT_PASSWORD_POLICY_PRESET` instead, as the server registers with it.
 */
export function useStorePasswordPolicy(): PasswordPolicyPreset {
  const { data } = useStoreProfile();
  return data?.passwordPolicy ?? DEFAULT_PASSWORD_POLICY_PRESET;
}

/** The server's message for the first rule the password breaks, in the visitor's language; null when none. */
export function usePasswordProblem(): (
  password: string,
  loginId: string,
  preset: PasswordPolicyPreset,
) => string | null {
  const lang = useLang();
  return (password, loginId, preset) => {
    const issue = passwordPolicyIssues(checkPassword(password, { preset, loginId }))[0];
    return issue ? issue.message[lang] : null;
  };
}

export function PasswordRules({
  id,
  password,
  loginId,
  preset,
}: {
  id: string;
  password: string;
  loginId: string;
  preset: PasswordPolicyPreset;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const check = checkPassword(password, { preset, loginId });
  return (
    <div id={id}>
      <Text size="sm" fw={700}>
        {t('register.passwordRules.title')}
      </Text>
      <List size="sm" spacing={2} listStyleType="none" className={classes.list}>
        {check.rules.map((rule) => {
          const { code, label } = rule;
          // Nothing typed meets nothing yet: every rule starts unticked, the login-ID one included.
          const met = password !== '' && rule.met;
          return (
            <List.Item
              key={code}
              data-rule={code}
              data-met={met}
              className={met ? classes.met : classes.unmet}
            >
              <span aria-hidden="true" className={classes.mark}>
                {met ? '✓' : '・'}
              </span>
              {label[lang]}
              <VisuallyHidden>
                {met ? t('register.passwordRules.met') : t('register.passwordRules.unmet')}
              </VisuallyHidden>
            </List.Item>
          );
        })}
        {preset === 'modern' && (
          <List.Item data-rule="not_common" data-met={false} className={classes.unmet}>
            <span aria-hidden="true" className={classes.mark}>
              ・
            </span>
            {t('register.passwordRules.notCommon')}
          </List.Item>
        )}
      </List>
    </div>
  );
}
