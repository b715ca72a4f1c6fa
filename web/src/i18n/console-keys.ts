// The message groups only the admin console shows: they load with the console, so the store never downloads them.
// A group missing here still works everywhere (it loads with the member-facing messages); one listed here but
// shown outside the console would show its keys, so keep shared groups (fields, problem, area) out.

/** Top-level keys of ja.json/en.json that belong to the console alone. */
export const consoleMessageKeys: readonly string[] = [
  'admin',
  'adminLogin',
  'catalogEditor',
  'orderNumberSettings',
];
