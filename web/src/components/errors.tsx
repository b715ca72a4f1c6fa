// Pages for an unknown client route (404) and for a render error caught by the router.
import { Button, Center, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, EmptyStateText } from './empty-state';

export function NotFound({ home }: { home: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>404</Title>
      <EmptyState
        title={t('notFound.title')}
        action={
          <Button component={Link} to={home} variant="light">
            {t('notFound.back')}
          </Button>
        }
      >
        <EmptyStateText>{t('notFound.body')}</EmptyStateText>
      </EmptyState>
    </Stack>
  );
}

/** Replaces the router's developer error screen; the error itself is already on the console. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="lg">
      <EmptyState
        title={t('routeError.title')}
        action={<Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>}
      >
        <EmptyStateText>{t('routeError.body')}</EmptyStateText>
      </EmptyState>
    </Center>
  );
}
