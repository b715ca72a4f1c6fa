// Where a completed sign-in leads: back to the page that asked for it (`/login?next=/checkout`), else My Page.
import { useSearchParams } from 'react-router';

/**
 * The `next` query parameter when it is a path on this site; anything else (another origin, `//host`,
 * a backslash trick) is ignored so the sign-in page cannot be used to send members elsewhere.
 */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/mypage';
  return next;
}

/** The path to open once the member is signed in. */
export function useAfterSignIn(): string {
  const [params] = useSearchParams();
  return safeNextPath(params.get('next'));
}
