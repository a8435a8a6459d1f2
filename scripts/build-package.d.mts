/** Types of scripts/build-package.mjs for the tests that reuse its builders. */
import type { BuildOptions } from 'esbuild';

/** esbuild options that make the engine run in a browser (shims, embedded data files). */
export function browserBuildOptions(): BuildOptions;
/** The browser bundle of `composio-mock/msw` (msw external). */
export function buildBrowser(options?: { outfile?: string }): Promise<void>;
/** The CommonJS bundle of `composio-mock/msw`. */
export function buildCjs(options?: { outfile?: string }): Promise<void>;
