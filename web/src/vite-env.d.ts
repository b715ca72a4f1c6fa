// Types for Vite's client features used by the web app (CSS modules, asset imports, import.meta.env).
/// <reference types="vite/client" />
