// The badges over a product's name in lists and on its page: its category and, when it has one, the free trial.
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Category (translated where the store knows it, else as the operator wrote it) and trial length. */
export function ProductBadges({ category, trial }: { category: string; trial: { days: number } | null }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Badge variant="light">{t(`catalog.category.${category}`, { defaultValue: category })}</Badge>
      {trial && (
        <Badge color="teal" variant="light">
          {t('catalog.trialDays', { days: trial.days })}
        </Badge>
      )}
    </Group>
  );
}
