// Types of build-server.mjs for the TypeScript that imports it (the suite's set-up).
/** Compiles src/ into dist/server/ (with `ifStale`, only when a file under src/ is newer than the last build); true when it built. */
export function buildServer(options?: { ifStale?: boolean }): Promise<boolean>;
