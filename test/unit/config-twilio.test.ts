// Twilio configuration: all or nothing, one sender, clear lines, and the Auth Token never echoed.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const sid = `AC${'0123456789abcdef'.repeat(2)}`;
const token = 'f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8';
const service = `MG${'fedcba9876543210'.repeat(2)}`;

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('Twilio configuration', () => {
  it('is absent by default: SMS go to the dev SMS outbox', () => {
    expect(loadConfig({}).twilio).toBeUndefined();
  });

  it('takes a From number, and the API base defaults to Twilio', () => {
    expect(
      loadConfig({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token, TWILIO_FROM: '+15017122661' }).twilio,
    ).toEqual({
      accountSid: sid,
      authToken: token,
      from: '+15017122661',
      messagingServiceSid: undefined,
      apiBase: 'https://api.twilio.com',
    });
  });

  it('takes a Messaging Service instead, and a base URL override without its trailing slash', () => {
    const config = loadConfig({
      TWILIO_ACCOUNT_SID: sid,
      TWILIO_AUTH_TOKEN: token,
      TWILIO_MESSAGING_SERVICE_SID: service,
      TWILIO_API_BASE: 'http://127.0.0.1:4010/',
    });
    expect(config.twilio).toMatchObject({
      from: undefined,
      messagingServiceSid: service,
      apiBase: 'http://127.0.0.1:4010',
    });
  });

  it('names what is missing when only part is set', () => {
    expect(errorOf({ TWILIO_FROM: '+15017122661' }).split('\n')).toEqual([
      'TWILIO_ACCOUNT_SID: is required when any TWILIO_* variable is set',
      'TWILIO_AUTH_TOKEN: is required when any TWILIO_* variable is set',
    ]);
    expect(errorOf({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token })).toBe(
      'TWILIO_FROM: or TWILIO_MESSAGING_SERVICE_SID is required: the sender of the SMS',
    );
    expect(
      errorOf({
        TWILIO_ACCOUNT_SID: sid,
        TWILIO_AUTH_TOKEN: token,
        TWILIO_FROM: '+15017122661',
        TWILIO_MESSAGING_SERVICE_SID: service,
      }),
    ).toBe(
      'TWILIO_FROM (got "+15017122661"): and TWILIO_MESSAGING_SERVICE_SID are both set: set only one of them',
    );
  });

  it('checks the shapes, and never echoes the Auth Token', () => {
    expect(
      errorOf({
        TWILIO_ACCOUNT_SID: 'SK123',
        TWILIO_AUTH_TOKEN: 'hunter2 hunter2 hunter2',
        TWILIO_FROM: '090-1234-5678',
      }).split('\n'),
    ).toEqual([
      'TWILIO_ACCOUNT_SID (got "SK123"): must be "AC" followed by 32 hexadecimal digits (Twilio Console → Account Info)',
      'TWILIO_AUTH_TOKEN: must be the Auth Token from the Twilio Console',
      'TWILIO_FROM (got "090-1234-5678"): must be a number in E.164 (+815012345678) or an alphanumeric sender ID of at most 11 characters',
    ]);
    expect(
      errorOf({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token, TWILIO_MESSAGING_SERVICE_SID: 'MG1' }),
    ).toBe('TWILIO_MESSAGING_SERVICE_SID (got "MG1"): must be "MG" followed by 32 hexadecimal digits');
    expect(
      errorOf({
        TWILIO_ACCOUNT_SID: sid,
        TWILIO_AUTH_TOKEN: token,
        TWILIO_FROM: 'Keiyaku',
        TWILIO_API_BASE: 'nope',
      }),
    ).toBe('TWILIO_API_BASE (got "nope"): must be an absolute URL such as https://api.twilio.com');
    expect(
      loadConfig({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token, TWILIO_FROM: 'Keiyaku' }).twilio?.from,
    ).toBe('Keiyaku');
  });
});
