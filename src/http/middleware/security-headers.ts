// Security headers with a strict CSP: scripts only from us, inline <style> only with this response's nonce.
import { NONCE, secureHeaders } from 'hono/secure-headers';

/** Headers for every response. HSTS only matters behind TLS, where browsers honour it. */
export function securityHeaders() {
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
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  });
}
