// Mantine theme of the web app: Noto Sans JP (bundled by us) so Japanese renders the same on every OS.
import { createTheme } from '@mantine/core';

const fontFamily = "'Noto Sans JP', sans-serif";

export const theme = createTheme({
  fontFamily,
  headings: { fontFamily },
  primaryColor: 'blue',
  defaultRadius: 'md',
});
