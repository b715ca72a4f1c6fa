// The coloured status badges of orders and order lines, shared by the orders list, an order and the provisioning queue.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdminOrderStatus, OrderLineStatus } from '../../api/admin-orders';

/** An order's derived status as a coloured badge. */
export function OrderStatusBadge({ status }: { status: AdminOrderStatus }) {
  const { t } = useTranslation();
  const color = { received: 'blue', in_progress: 'yellow', completed: 'green', rejected: 'red' }[status];
  return (
    <Badge variant="light" color={color} data-order-status={status}>
      {t(`admin.orders.statuses.${status}`)}
    </Badge>
  );
}

/** A line's status (受付済 → 準備中 → 提供開始, or 不可) as a coloured badge. */
export function LineStatusBadge({ status }: { status: OrderLineStatus }) {
  const { t } = useTranslation();
  const color = { received: 'blue', preparing: 'yellow', started: 'green', rejected: 'red' }[status];
  return (
    <Badge variant="light" color={color} data-line-status={status}>
      {t(`admin.orders.lineStatuses.${status}`)}
    </Badge>
  );
}
