// Types for Vite's client features used by the web app (CSS modules, asset imports, import.meta.env).
/// <reference types="vite/client" />

// A language file split by area (web/vite.config.ts, messagesByArea): part of the file's top-level groups.
declare module '*.json?area=member' {
  const messages: Partial<typeof import('./i18n/ja.json')>;
  export default messages;
}
declare module '*.json?area=console' {
  const messages: Partial<typeof import('./i18n/ja.json')>;
  export default messages;
}
