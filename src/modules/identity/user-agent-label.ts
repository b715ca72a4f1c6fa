// A short "browser on OS" label from a User-Agent header, for sign-in history: enough for a member to recognise a device.

const browsers: [RegExp, string][] = [
  // Order matters: Edge, Opera, Samsung and the in-app browsers also say "Chrome" and "Safari".
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\b(?:OPR|Opera)\/(\d+)/, 'Opera'],
  [/\bSamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/\bLine\/(\d+)/, 'LINE'],
  [/\bYaBrowser\/(\d+)/, 'Yandex'],
  [/\bFirefox\/(\d+)/, 'Firefox'],
  [/\bFxiOS\/(\d+)/, 'Firefox'],
  [/\bCriOS\/(\d+)/, 'Chrome'],
  [/\bHeadlessChrome\/(\d+)/, 'Chrome'],
  [/\bChrom(?:e|ium)\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)(?:\.\d+)*.*\bSafari\//, 'Safari'],
  [/\bTrident\/.*\brv:(\d+)/, 'Internet Explorer'],
  [/\bMSIE (\d+)/, 'Internet Explorer'],
];

const systems: [RegExp, string][] = [
  [/\b(?:iPhone|iPod)\b/, 'iOS'],
  [/\biPad\b/, 'iPadOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/**
 * `Chrome 131 / Windows`, `Safari 17 / iOS`, or what part is known (`Windows`); `''` when nothing is.
 * A few patterns instead of a parsing library: the label is a hint for the member, not a fingerprint.
 */
export function userAgentLabel(userAgent: string | null | undefined): string {
  if (!userAgent) return '';
  let browser = '';
  for (const [pattern, name] of browsers) {
    const match = pattern.exec(userAgent);
    if (match) {
      browser = `${name} ${match[1]}`;
      break;
    }
  }
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1] ?? '';
  if (browser && system) return `${browser} / ${system}`;
  return browser || system;
}
