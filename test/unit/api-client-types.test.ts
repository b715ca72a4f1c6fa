// The web app's API types are generated from the routes: a route change without `npm run gen:api` fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, schemaPath } from '../../scripts/generate-api-client.js';

describe('web/src/api/schema.d.ts', () => {
  it('matches what the generator makes of the current OpenAPI document', async () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(await generateApiTypes());
  });
});
