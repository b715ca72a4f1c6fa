// The expected failure of the rate limiter: 429 with when to retry.
import { AppError } from '../../domain/errors.js';

export const rateLimitErrors = {
  rateLimited: (retryAfterSeconds: number) => {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return new AppError({
      code: 'rate_limited',
      status: 429,
      message: {
        ja: `短時間に多くのリクエストがあったため、一時的に受け付けを停止しています。${minutes}分ほどたってから、もう一度お試しください。`,
        en: `Too many requests in a short time. Please try again in about ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      },
      retryAfterSeconds,
    });
  },
} as const;
