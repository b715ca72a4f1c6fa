// How many requests each guarded endpoint takes per client address and per account, and why those numbers.

/** One counter: at most `limit` requests per fixed window of `windowSeconds`, counted under `scope`. */
export interface RateLimitRule {
  scope: string;
  limit: number;
  windowSeconds: number;
}

/** The two counters of one endpoint: per client address, and per account (login ID, email, link). */
export interface EndpointLimits {
  perAddress: RateLimitRule;
  perAccount: RateLimitRule;
}

const MINUTES_10 = 600;
const HOUR = 3600;

/**
 * The store's rate limits. The lockout (5 failures per login ID by default) stays the first guard
 * against guessing one account; these limits stop what it cannot see — one address spraying a password
 * over many IDs, and floods of mail (codes, reset links, reminders) that a lockout never counts. They
 * are set well above what a person needs, including an office of several staff behind one address.
 * Per-account keys are counted whether or not the account exists, so a 429 reveals nothing.
 */
export const rateLimits = {
  /**
   * `POST /api/sessions`. Per address 30 / 10 min: a busy office's morning sign-ins, but not a spray
   * over hundreds of IDs. Per login ID 10 / 10 min: twice the lockout threshold, so an honest member
   * who locks and retries is never stopped here, while someone holding the password cannot mail the
   * member a code every second.
   */
  signIn: {
    perAddress: { scope: 'sign_in:address', limit: 30, windowSeconds: MINUTES_10 },
    perAccount: { scope: 'sign_in:login_id', limit: 10, windowSeconds: MINUTES_10 },
  },
  /**
   * `POST /api/sessions/verify-code` and `…/verify-backup-code` share these counters: a code is
   * already dead after 5 wrong tries and the ID locks after 5 failures, so 10 per member in 10 minutes
   * is generous; 30 per address covers an office.
   */
  verifyCode: {
    perAddress: { scope: 'verify_code:address', limit: 30, windowSeconds: MINUTES_10 },
    perAccount: { scope: 'verify_code:member', limit: 10, windowSeconds: MINUTES_10 },
  },
  /**
   * `POST /api/sessions/resend-code`: a member may ask for a new code once a minute anyway (the
   * resend rule); 5 per pending member in 10 minutes keeps a stuck phone from being flooded, 30 per
   * address covers an office.
   */
  resendCode: {
    perAddress: { scope: 'resend_code:address', limit: 30, windowSeconds: MINUTES_10 },
    perAccount: { scope: 'resend_code:member', limit: 5, windowSeconds: MINUTES_10 },
  },
  /**
   * `POST /api/password-resets`: every request mails two messages (link and temporary password), so
   * 5 per login ID an hour; 10 per address.
   */
  passwordResetRequest: {
    perAddress: { scope: 'password_reset:address', limit: 10, windowSeconds: HOUR },
    perAccount: { scope: 'password_reset:login_id', limit: 5, windowSeconds: HOUR },
  },
  /**
   * `POST /api/password-resets/complete`: a link is spent after 5 wrong temporary passwords, so 10 per
   * link an hour; 20 per address, which stops guessing over many links.
   */
  passwordResetComplete: {
    perAddress: { scope: 'password_reset_complete:address', limit: 20, windowSeconds: HOUR },
    perAccount: { scope: 'password_reset_complete:link', limit: 10, windowSeconds: HOUR },
  },
  /** `POST /api/login-id-reminders`: one mail per request, 5 per email address an hour; 10 per address. */
  loginIdReminder: {
    perAddress: { scope: 'login_id_reminder:address', limit: 10, windowSeconds: HOUR },
    perAccount: { scope: 'login_id_reminder:email', limit: 5, windowSeconds: HOUR },
  },
  /** `POST /api/members/resend-confirmation`: one mail per request, 5 per login ID an hour; 10 per address. */
  resendConfirmation: {
    perAddress: { scope: 'resend_confirmation:address', limit: 10, windowSeconds: HOUR },
    perAccount: { scope: 'resend_confirmation:login_id', limit: 5, windowSeconds: HOUR },
  },
  /**
   * `POST /api/members`: 10 registrations per address an hour (a family or a small office registering
   * together), 5 per contact email (several memberships per person are allowed, a flood of confirmation
   * mails to one mailbox is not).
   */
  registration: {
    perAddress: { scope: 'registration:address', limit: 10, windowSeconds: HOUR },
    perAccount: { scope: 'registration:email', limit: 5, windowSeconds: HOUR },
  },
  /**
   * `POST /api/license/v1/validate`: desktop products ask at every start. Per address 600 / 10 min: an
   * office of a hundred machines behind one address starting several times a morning. Per registration
   * number 60 / 10 min: far above a licence's few machines restarting, while one number cannot be used to
   * guess its key at speed (counted whether or not the number exists).
   */
  licenceValidate: {
    perAddress: { scope: 'licence_validate:address', limit: 600, windowSeconds: MINUTES_10 },
    perAccount: { scope: 'licence_validate:number', limit: 60, windowSeconds: MINUTES_10 },
  },
  /**
   * `POST` and `DELETE /api/license/v1/machines…`: a product activates or frees its machine rarely (install,
   * replacement). Per address 120 / 10 min covers an office setting up many machines; per registration
   * number 30 / 10 min is far above a licence's few machines while stopping key guessing (counted whether or
   * not the number exists).
   */
  licenceMachines: {
    perAddress: { scope: 'licence_machines:address', limit: 120, windowSeconds: MINUTES_10 },
    perAccount: { scope: 'licence_machines:number', limit: 30, windowSeconds: MINUTES_10 },
  },
  /**
   * Attaching a licence (`POST /api/mypage/licences`, and the two fields at `POST /api/members`): a member
   * types a package's number and key once or twice; 10 tries per member (or per registering email) an hour
   * stops guessing keys through the form, 30 per address covers an office registering its packages.
   */
  licenceAttach: {
    perAddress: { scope: 'licence_attach:address', limit: 30, windowSeconds: HOUR },
    perAccount: { scope: 'licence_attach:member', limit: 10, windowSeconds: HOUR },
  },
} as const satisfies Record<string, EndpointLimits>;

export type RateLimitedEndpoint = keyof typeof rateLimits;
