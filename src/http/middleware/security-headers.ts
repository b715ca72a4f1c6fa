// Security headers with a strict CSP: scripts only from us, inline <style> only with this response's nonce.
import { NONCE, secureHeaders } from 'hono/secure-headers';

/**
 * Headers for every response. HSTS only when the store's public URL is https: sent over plain http it
 * means nothing to browsers, and a store that is reached over http must not tell them otherwise.
 */
export function securityHeaders(publicUrl: string) {
  const https = new URL(publicUrl).protocol === 'https:';
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Mantine writes its CSS variables into <style> tags at run time; the web app gives them this nonce.
      styleSrc: ["'self'", NONCE],
      // Product images may live on the operator's own https image host; scripts and styles stay ours only.
      imgSrc: ["'self'", 'data:', 'https:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: 'strict-origin-when-cross-origin',
    xFrameOptions: 'DENY',
    strictTransportSecurity: https ? 'max-age=31536000; includeSubDomains' : false,
  });
}
