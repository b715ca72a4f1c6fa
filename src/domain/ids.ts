// Prefixed, sortable, random identifiers (`mem_…`, `ord_…`): a prefix plus a UUIDv7 made in code.
import { uuidv7 } from 'uuidv7';

/** Every entity prefix in one place, so two kinds never share one. */
export const idPrefixes = {
  member: 'mem',
  operator: 'opr',
  order: 'ord',
  contract: 'ctr',
  contractEvent: 'cev',
  contractRenewal: 'crn',
  contractRequest: 'crq',
  invoice: 'inv',
  receivableEntry: 'rce',
  billingRun: 'brn',
  billingCharge: 'bch',
  creditNote: 'cnt',
  billingDocument: 'bdc',
  payment: 'pay',
  outbox: 'obx',
  mail: 'mail',
  sms: 'sms',
  audit: 'aud',
  account: 'acc',
  session: 'ses',
  verification: 'vrf',
  twoFactor: 'tfa',
  inquiry: 'inq',
  inquiryMessage: 'iqm',
  guestSubmission: 'gsub',
  memberConsent: 'mcs',
  webhookEndpoint: 'whe',
  webhookMessage: 'msg',
  memberSignIn: 'msi',
  identityCheck: 'idc',
  provider: 'prv',
  product: 'prd',
  plan: 'pln',
  option: 'opt',
  usageComponent: 'usg',
  trial: 'trl',
  trialRedemption: 'trd',
  orderField: 'ofd',
  cart: 'crt',
  cartItem: 'cti',
  orderLine: 'orl',
  orderEvent: 'oev',
  domainEvent: 'evt',
  providerApiKey: 'pak',
  provisioningRequest: 'prq',
  licence: 'lic',
  licenceSigningKey: 'lsk',
  licenceAttachConflict: 'lac',
} as const;

export type IdKind = keyof typeof idPrefixes;
export type Id<K extends IdKind> = `${(typeof idPrefixes)[K]}_${string}`;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A new id of a kind; ids made later sort after ids made earlier (millisecond precision). */
export function newId<K extends IdKind>(kind: K): Id<K> {
  return `${idPrefixes[kind]}_${uuidv7()}` as Id<K>;
}

/** Whether a string is an id of the given kind. */
export function isId<K extends IdKind>(kind: K, value: string): value is Id<K> {
  const prefix = `${idPrefixes[kind]}_`;
  return value.startsWith(prefix) && uuidPattern.test(value.slice(prefix.length));
}

/** The UUID inside an id, for systems that want a bare UUID (pg-boss job ids). */
export function uuidOf(id: string): string {
  const uuid = id.slice(id.indexOf('_') + 1);
  if (!uuidPattern.test(uuid)) throw new Error(`not a keiyaku id: ${id}`);
  return uuid;
}
