// An inquiry's status badge and time format, shared by My Page and the console.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InquiryStatus } from '../api/inquiries';

const statusColors: Record<InquiryStatus, string> = {
  new: 'blue',
  in_progress: 'orange',
  answered: 'green',
  closed: 'gray',
};

/** The status as a coloured badge in the UI language. */
export function InquiryStatusBadge({ status }: { status: InquiryStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" data-status={status}>
      {t(`inquiry.statuses.${status}`)}
    </Badge>
  );
}

/** Date and time in Tokyo, in the UI language. */
export function useInquiryTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  });
  return (iso) => format.format(new Date(iso));
}
