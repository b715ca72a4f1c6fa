// Where a webhook may go: the URL's host resolved once, and every address it has checked against the internal ranges.
import { AppError } from '../../domain/errors.js';
import {
  type AddressKind,
  addressInRanges,
  addressKind,
  parseAddress,
} from '../../domain/network-address.js';
import type { HostResolver, ResolvedAddress } from './host-resolver.js';
import { parseWebhookEndpointUrl } from './webhook-endpoint-url.js';

/** A webhook URL with the addresses its host had when resolved; `addresses` is null when the name did not resolve. */
export interface ResolvedWebhookTarget {
  url: string;
  hostname: string;
  addresses: ResolvedAddress[] | null;
  /** Why the name did not resolve (the resolver's error code), when it did not. */
  unresolvedReason: string | null;
}

/** The kinds refused as targets: anything but a public address, and the cloud metadata services by name. */
export type RefusedAddressKind = Exclude<AddressKind, 'public'> | 'metadata';

// The instance metadata services of the clouds (AWS, GCP, Azure, …: 169.254.169.254; AWS over IPv6: fd00:ec2::254).
const metadataAddresses = ['169.254.169.254/32', 'fd00:ec2::254/128'];

/** The kind a webhook check gives an address: `metadata` before its range's kind. */
export function webhookAddressKind(address: string): AddressKind | 'metadata' | null {
  const bytes = parseAddress(address);
  if (!bytes) return null;
  if (addressInRanges(bytes, metadataAddresses)) return 'metadata';
  return addressKind(bytes);
}

/** The host without the brackets of an IPv6 literal. */
function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/**
 * Parses the URL (`webhook_url_invalid`) and resolves its host; a literal address is taken as it is. A name
 * that does not resolve is returned without addresses: it can be saved, and every delivery resolves it again.
 */
export async function resolveWebhookTarget(
  value: string,
  resolver: HostResolver,
): Promise<ResolvedWebhookTarget> {
  const url = parseWebhookEndpointUrl(value);
  const parsed = new URL(url);
  const hostname = bareHost(parsed);
  if (parseAddress(hostname)) {
    const family = hostname.includes(':') ? 6 : 4;
    return { url, hostname, addresses: [{ address: hostname, family }], unresolvedReason: null };
  }
  try {
    const addresses = await resolver.lookup(hostname);
    if (addresses.length === 0) return { url, hostname, addresses: null, unresolvedReason: 'ENODATA' };
    return { url, hostname, addresses, unresolvedReason: null };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      url,
      hostname,
      addresses: null,
      unresolvedReason: typeof code === 'string' ? code : 'lookup failed',
    };
  }
}

/** Why a target may not be used, or null when it may. */
export interface TargetRefusal {
  address: string;
  kind: RefusedAddressKind;
}

/**
 * The first address of the target that is internal and not in the operator's allowed networks; null when
 * every address may be reached. Every address counts: a name with one public and one loopback address is refused.
 */
export function findRefusedAddress(
  target: ResolvedWebhookTarget,
  allowedNetworks: readonly string[],
): TargetRefusal | null {
  for (const { address } of target.addresses ?? []) {
    const bytes = parseAddress(address);
    const kind = webhookAddressKind(address);
    // An answer that is not an address at all is refused as reserved rather than passed on to the socket.
    if (!bytes || kind === null) return { address, kind: 'reserved' };
    if (kind === 'public') continue;
    if (addressInRanges(bytes, allowedNetworks)) continue;
    return { address, kind };
  }
  return null;
}

/** Whether every address of the target lies in the allowed networks (plain http may go there only). */
function allInAllowedNetworks(target: ResolvedWebhookTarget, allowedNetworks: readonly string[]): boolean {
  if (!target.addresses || allowedNetworks.length === 0) return false;
  return target.addresses.every(({ address }) => {
    const bytes = parseAddress(address);
    return bytes !== null && addressInRanges(bytes, allowedNetworks);
  });
}

/**
 * Refuses a target that reaches an internal address (`webhook_target_not_allowed`, 422) unless the address
 * is in the allowed networks, and plain http unless every address is (`webhook_url_invalid`, 422).
 */
export function assertWebhookTargetAllowed(
  target: ResolvedWebhookTarget,
  allowedNetworks: readonly string[],
): void {
  const refusal = findRefusedAddress(target, allowedNetworks);
  if (refusal) throw webhookTargetNotAllowed(target.hostname, refusal);
  if (target.url.startsWith('http:') && !allInAllowedNetworks(target, allowedNetworks))
    throw webhookHttpNotAllowed();
}

/** Why a delivery was not attempted, for the message's last error; null when the target may be reached. */
export function describeRefusedTarget(
  target: ResolvedWebhookTarget,
  allowedNetworks: readonly string[],
): string | null {
  const refusal = findRefusedAddress(target, allowedNetworks);
  if (refusal)
    return `not delivered: ${target.hostname} resolves to ${refusal.address}, a ${kindLabels[refusal.kind].en} address outside the allowed networks; no connection was made`;
  if (target.url.startsWith('http:') && !allInAllowedNetworks(target, allowedNetworks))
    return `not delivered: plain http to ${target.hostname} goes only to an allowed network; no connection was made`;
  return null;
}

const kindLabels: Record<RefusedAddressKind, { ja: string; en: string }> = {
  loopback: { ja: 'ループバック（このサーバー自身）', en: 'loopback' },
  private: { ja: 'プライベートネットワーク', en: 'private network' },
  link_local: { ja: 'リンクローカル', en: 'link-local' },
  unique_local: { ja: 'ユニークローカル（IPv6 のプライベート）', en: 'unique-local' },
  unspecified: { ja: '未指定', en: 'unspecified' },
  shared: { ja: 'キャリアグレード NAT（共有アドレス）', en: 'carrier-grade NAT (shared)' },
  multicast: { ja: 'マルチキャスト', en: 'multicast' },
  reserved: { ja: '予約済み', en: 'reserved' },
  metadata: { ja: 'クラウドのメタデータサービス', en: 'cloud metadata service' },
};

function webhookTargetNotAllowed(hostname: string, refusal: TargetRefusal): AppError {
  const message = {
    ja: `Webhook の送信先 ${hostname} は ${refusal.address}（${kindLabels[refusal.kind].ja}のアドレス）を指すため使えません。同じネットワークにある提供元なら、許可するネットワーク（CIDR）に追加してください。`,
    en: `The webhook target ${hostname} resolves to ${refusal.address}, a ${kindLabels[refusal.kind].en} address, which webhooks may not reach. For a provider on the same network, add its range to the allowed networks.`,
  };
  return new AppError({
    code: 'webhook_target_not_allowed',
    status: 422,
    message,
    fields: [{ path: 'url', code: 'webhook_target_not_allowed', message }],
    extensions: { addressKind: refusal.kind },
  });
}

function webhookHttpNotAllowed(): AppError {
  const message = {
    ja: 'Webhook の送信先は https:// で指定してください。http:// は、許可するネットワークに含まれる送信先にだけ使えます。',
    en: 'A webhook endpoint must be https://. Plain http:// is allowed only to a target inside the allowed networks.',
  };
  return new AppError({
    code: 'webhook_url_invalid',
    status: 422,
    message,
    fields: [{ path: 'url', code: 'webhook_url_invalid', message }],
  });
}
