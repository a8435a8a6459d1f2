/**
 * The `process` the engine reads in a browser (the working directory for messages, and no
 * environment), injected by the browser build wherever `process` is free.
 */
export const process = { cwd: (): string => '/', env: {} as Record<string, string | undefined>, platform: 'browser' };
