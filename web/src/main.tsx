// Browser entry: global styles and fonts, i18n, and the providers every area of the app shares.
// The forms run the API's zod schemas: zod is told not to probe eval before any schema module loads.
import './zod-config';
import '@mantine/core/styles.css';
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';

import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { readStyleNonce } from './csp';
import { i18nReady } from './i18n';
import { cssVariablesResolver, theme } from './theme';

const queryClient = new QueryClient({
  // One retry rides out a blip; more would keep a visitor staring at a spinner before the error shows.
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

const styleNonce = readStyleNonce();
const getStyleNonce = styleNonce === undefined ? undefined : () => styleNonce;

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The first paint is in the visitor's language, never a flash of message keys.
void i18nReady.then(() =>
  createRoot(container).render(
    <StrictMode>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        getStyleNonce={getStyleNonce}
      >
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  ),
);
