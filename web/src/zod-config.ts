// Imported first by main.tsx: zod decides on its eval fast path when a schema is built, and the page's CSP forbids eval.
import { z } from 'zod';

z.config({ jitless: true });
