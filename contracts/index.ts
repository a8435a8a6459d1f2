/**
 * `composio-mock/contracts`: the contract suite, aimed at any deployment of the Tool Router
 * Session API v3.1 (composio-mock, Prism, staging, production) and checked against
 * openapi/tool-router.v3.1.yaml. See docs/contract-suite.md.
 *
 * @example
 * import { runContractSuite, createConsoleReporter, toJUnitXml } from 'composio-mock/contracts';
 * const report = await runContractSuite({
 *   baseUrl: process.env.COMPOSIO_BASE_URL!,
 *   apiKey: process.env.COMPOSIO_API_KEY!,
 *   onProgress: createConsoleReporter({ write: (t) => process.stdout.write(t) }),
 * });
 * await writeFile('contract.xml', toJUnitXml(report));
 * process.exitCode = report.ok ? 0 : 1;
 */
export { runContractSuite, grepMatcher, DEFAULT_TIMEOUT_MS } from './run-suite.js';
export { createConsoleReporter, consoleSummary, type ConsoleReporterOptions } from './reporters/console.js';
export { toJUnitXml, escapeXml, junitTimestamp, type JUnitOptions } from './reporters/junit.js';
export { failureDetails, failureMessage, summaryLine, violationLine } from './reporters/format-failure.js';
export { contractFlows } from './flows/index.js';
export { checkId } from './flow.js';
export type {
  CheckResult,
  CheckStatus,
  CleanupSummary,
  ContractReport,
  ContractSuiteOptions,
  ExchangeRecord,
  FetchLike,
  ProgressEvent,
  SuiteWarning,
  TargetInfo,
  Violation,
  ViolationRule,
} from './types.js';
