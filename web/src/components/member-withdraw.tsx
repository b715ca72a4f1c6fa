// The operator's "withdraw this member" action: what blocks it, the reason to record, and a confirmation.
import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MemberStatus, useMemberWithdrawalCheck, useWithdrawMember } from '../api/lifecycle';
import { ProblemAlert, useFieldErrors } from './problem';

export interface MemberWithdrawProps {
  memberId: string;
  /** The member's status as the page shows it: only an active member can be withdrawn. */
  status: MemberStatus;
  /** Called after a successful withdrawal, so the page can reload the member. */
  onDone?: () => void;
}

/** A button opening the withdrawal dialog; for members who are not active it says why nothing can be done. */
export function MemberWithdraw({ memberId, status, onDone }: MemberWithdrawProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const check = useMemberWithdrawalCheck(memberId, open);
  const withdraw = useWithdrawMember();
  const fieldErrors = useFieldErrors();
  const { byField } = fieldErrors(withdraw.error, ['reason']);

  if (status === 'withdrawn') return <Text size="sm">{t('lifecycle.memberWithdraw.already')}</Text>;
  if (status !== 'active') return <Text size="sm">{t('lifecycle.memberWithdraw.notActive')}</Text>;

  const close = () => {
    setOpen(false);
    setReason('');
    withdraw.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    withdraw.mutate(
      { memberId, reason: reason.trim() },
      {
        onSuccess: () => {
          close();
          onDone?.();
        },
      },
    );
  };
  const blocked = (check.data?.reasons.length ?? 0) > 0;

  return (
    <>
      <Button color="red" variant="light" onClick={() => setOpen(true)}>
        {t('lifecycle.memberWithdraw.open')}
      </Button>
      {/* Without lockScroll: the scroll lock writes a <style> tag without the CSP nonce. */}
      <Modal opened={open} onClose={close} lockScroll={false} title={t('lifecycle.memberWithdraw.title')}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {check.isPending && <Text size="sm">{t('lifecycle.memberWithdraw.checking')}</Text>}
            {check.isError && <ProblemAlert error={check.error} />}
            {check.data && blocked && (
              <Alert color="yellow" title={t('lifecycle.memberWithdraw.blockedTitle')}>
                <List size="sm">
                  {check.data.reasons.map((item) => (
                    <List.Item key={item.en}>{item[lang]}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {check.data && !blocked && (
              <Text size="sm">{t('lifecycle.memberWithdraw.lead', { days: check.data.retentionDays })}</Text>
            )}
            {withdraw.isError && Object.keys(byField).length === 0 && <ProblemAlert error={withdraw.error} />}
            <Textarea
              label={t('lifecycle.memberWithdraw.reason')}
              description={t('lifecycle.memberWithdraw.reasonHelp')}
              required
              autosize
              minRows={2}
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={byField.reason}
              disabled={blocked}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('lifecycle.memberWithdraw.cancel')}
              </Button>
              <Button
                type="submit"
                color="red"
                loading={withdraw.isPending}
                disabled={blocked || !check.data || reason.trim() === ''}
              >
                {t('lifecycle.memberWithdraw.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
