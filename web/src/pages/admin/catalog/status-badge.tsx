// A product's status as a coloured badge in the console's language.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProductStatus } from '../../../api/admin-catalog';

const colors: Record<ProductStatus, string> = { draft: 'gray', published: 'green', retired: 'red' };

export function StatusBadge({ status }: { status: ProductStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light">
      {t(`catalogEditor.status.names.${status}`)}
    </Badge>
  );
}
