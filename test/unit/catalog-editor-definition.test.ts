// The catalog editor's form model: every demo product survives the round trip through the form unchanged, and empty inputs are sent so the server names the field.
import { describe, expect, it } from 'vitest';
import { demoProducts } from '../../src/flows/seed-demo-catalog.js';
import { productDefinitionSchema } from '../../src/modules/catalog/index.js';
import { fromApi, move, newDefinition, toApi } from '../../web/src/pages/admin/catalog/definition.js';

describe('the product form model', () => {
  it.each(demoProducts.map((d) => [d.slug, d] as const))(
    'keeps %s whole from the API to the form and back',
    (_, input) => {
      // What GET answers is the stored, defaulted definition; the form names the provider by id.
      const stored = productDefinitionSchema.parse(input);
      const sent = productDefinitionSchema.parse(toApi(fromApi(stored, stored.provider)));
      expect(sent).toEqual(stored);
    },
  );

  it('sends empty numbers so the server names them: left out when required, null when optional', () => {
    const def = newDefinition();
    def.plans[0]!.terms = [{ term: 'monthly', price: '' }];
    def.leadTimeDays = '';
    const body = toApi(def) as { leadTimeDays: unknown; plans: { terms: { price?: unknown }[] }[] };
    expect(body.leadTimeDays).toBeNull();
    expect('price' in body.plans[0]!.terms[0]! && body.plans[0]!.terms[0]!.price === undefined).toBe(true);
    const result = productDefinitionSchema.safeParse(body);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('plans.0.terms.0.price');
    expect(paths).not.toContain('leadTimeDays');
  });

  it('sends the advanced contract rules as edited, and leaves an emptied required one out', () => {
    const def = newDefinition();
    expect([def.proration, def.quantityChangeable, def.renewalWindowMonths, def.licenceMachineLimit]).toEqual(
      ['none', true, 2, 2],
    );
    def.proration = 'daily';
    def.quantityChangeable = false;
    def.renewalWindowMonths = 3;
    def.licenceMachineLimit = 5;
    const body = toApi(def);
    expect([
      body.proration,
      body.quantityChangeable,
      body.renewalWindowMonths,
      body.licenceMachineLimit,
    ]).toEqual(['daily', false, 3, 5]);
    def.renewalWindowMonths = '';
    const emptied = toApi(def);
    expect('renewalWindowMonths' in emptied && emptied.renewalWindowMonths === undefined).toBe(true);
    const result = productDefinitionSchema.safeParse({ ...emptied, slug: 'advanced-rules' });
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join('.'))).not.toContain(
      'licenceMachineLimit',
    );
  });

  it('moves an item up and down and leaves the ends alone', () => {
    expect(move(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
