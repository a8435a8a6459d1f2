/** Types of scripts/build-package.mjs for the tests that reuse its builders. */
import type { BuildOptions } from 'esbuild';

/** esbuild options that make the engine run in a browser (shims, embedded data files). */
export function browserBuildOptions(): BuildOptions;
/** The browser bundle of `composio-mock/msw` (msw external). */
export function buildBrowser(options?: { outfile?: string }): Promise<void>;
/** One CommonJS bundle (default: `composio-mock/msw` from mocks/index.ts). */
export function buildCjs(options?: { entry?: string; outfile?: string }): Promise<void>;
