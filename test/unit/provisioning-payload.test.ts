// What a provider may receive of a contact follows the order's sharing consent for that provider, field by field.
import { describe, expect, it } from 'vitest';
import {
  consentedContactFields,
  sharedContact,
} from '../../src/modules/provisioning/provisioning-payload.js';

const contact = {
  companyName: '株式会社同意商事',
  departmentName: '機密管理部',
  name: '同意 花子',
  nameKana: 'ドウイ ハナコ',
  email: 'hanako@doui-shoji.example.jp',
  phone: '+81398765432',
  postalCode: '150-0001',
  address: '東京都渋谷区神宮前9-8-7',
};
const sharing = (documentKey: string, documentVersion: string) => ({
  kind: 'provider_data_sharing',
  documentKey,
  documentVersion,
});

describe('consentedContactFields', () => {
  it('reads the fields from the version of the provider’s own sharing consent', () => {
    const consents = [
      { kind: 'store_terms', documentKey: 'store:terms', documentVersion: '2026-04-01' },
      sharing('provider:other-soft', 'company+name+email+phone+address'),
      sharing('provider:mirai-soft', 'company+email'),
    ];
    expect(consentedContactFields(consents, 'mirai-soft')).toEqual(['company', 'email']);
  });

  it('shares nothing without a consent, with an empty one, or for names it does not know', () => {
    expect(consentedContactFields([], 'mirai-soft')).toEqual([]);
    expect(consentedContactFields([sharing('provider:other-soft', 'name')], 'mirai-soft')).toEqual([]);
    expect(consentedContactFields([sharing('provider:mirai-soft', '')], 'mirai-soft')).toEqual([]);
    // A consent of another kind under the same key is not a sharing consent.
    expect(
      consentedContactFields(
        [{ kind: 'product_terms', documentKey: 'provider:mirai-soft', documentVersion: 'name' }],
        'mirai-soft',
      ),
    ).toEqual([]);
    expect(
      consentedContactFields(
        [sharing('provider:mirai-soft', 'nameKana+constructor+toString+name')],
        'mirai-soft',
      ),
    ).toEqual(['name']);
  });
});

describe('sharedContact', () => {
  it('maps each agreed field to its columns and nothing more: name is not its kana reading', () => {
    expect(sharedContact(contact, ['name'])).toEqual({ name: '同意 花子' });
    expect(sharedContact(contact, ['company', 'department'])).toEqual({
      companyName: '株式会社同意商事',
      departmentName: '機密管理部',
    });
    expect(sharedContact(contact, ['email', 'phone'])).toEqual({
      email: 'hanako@doui-shoji.example.jp',
      phone: '+81398765432',
    });
    expect(sharedContact(contact, ['address'])).toEqual({
      postalCode: '150-0001',
      address: '東京都渋谷区神宮前9-8-7',
    });
    expect(sharedContact(contact, ['constructor', '__proto__'])).toEqual({});
    expect(sharedContact(contact, [])).toEqual({});
  });
});
