// Where a completed sign-in leads: back to the page that asked for it (`/login?next=/checkout`), else My Page; kept across registration and the mailed confirmation link.
import { useSearchParams } from 'react-router';

/** Where a member who registers from `/register?next=…` is taken after confirming and signing in. */
const PENDING_NEXT_KEY = 'keiyaku.nextAfterRegistration';

/**
 * The `next` query parameter when it is a path on this site; anything else (another origin, `//host`,
 * a backslash trick) is ignored so the sign-in page cannot be used to send members elsewhere.
 */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/mypage';
  return next;
}

/** `path` with `?next=` when there is somewhere other than My Page to come back to. */
export function withNext(path: string, next: string): string {
  return next === '/mypage' ? path : `${path}?next=${encodeURIComponent(next)}`;
}

/** The path to open once the member is signed in. */
export function useAfterSignIn(): string {
  const [params] = useSearchParams();
  return safeNextPath(params.get('next'));
}

/**
 * Remembers where to go back to while the member registers: the confirmation link arrives by mail and
 * opens in another tab, which only this browser's storage connects to the registration.
 */
export function rememberNextAfterRegistration(next: string): void {
  try {
    if (next === '/mypage') window.localStorage.removeItem(PENDING_NEXT_KEY);
    else window.localStorage.setItem(PENDING_NEXT_KEY, next);
  } catch {
    // Storage may be off (private mode): the member simply lands on My Page.
  }
}

/** The path remembered at registration (My Page if none), for the confirmation page's sign-in link. */
export function nextAfterRegistration(): string {
  try {
    return safeNextPath(window.localStorage.getItem(PENDING_NEXT_KEY));
  } catch {
    return '/mypage';
  }
}

/** Forgets the remembered path once the member got there by signing in. */
export function forgetNextAfterRegistration(): void {
  try {
    window.localStorage.removeItem(PENDING_NEXT_KEY);
  } catch {
    // Nothing to forget when storage is off.
  }
}
