// Reads nullable bilingual texts in generated types as what the server sends: the text or null.
import type { components } from './schema';

type Bilingual = components['schemas']['Bilingual'];

/**
 * openapi-typescript writes a nullable reference as `Bilingual & (Record<string, never> | null)`, a type no
 * value satisfies. `Answer<T>` rewrites every such field of a generated type, deeply, as `Bilingual | null`
 * and leaves everything else as generated.
 */
export type Answer<T> = T extends Bilingual
  ? T extends Record<string, never>
    ? Bilingual | null
    : T
  : T extends (infer U)[]
    ? Answer<U>[]
    : T extends object
      ? { [K in keyof T]: Answer<T[K]> }
      : T;
