// Reads the per-response CSP nonce the server writes into index.html, for Mantine's runtime <style> tags.

/**
 * The nonce of this page view, or undefined when the page has none (the Vite dev server). If the server
 * left the build's placeholder in place, the tags carry it harmlessly: a policy without that nonce ignores it.
 */
export function readStyleNonce(): string | undefined {
  // The IDL property, not getAttribute: browsers hide nonce content attributes from the DOM.
  const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;
  return nonce || undefined;
}
