/**
 * Every flow of the suite, in run order. Each flow creates what it needs under the run's own
 * `contract-<random>` user, so flows do not depend on one another.
 */
import type { FlowDefinition } from '../flow.js';
import { connectionsFlow } from './connections.js';
import { errorsFlow } from './errors.js';
import { filesFlow } from './files.js';
import { searchFlow } from './search.js';
import { sessionsFlow } from './sessions.js';
import { toolsFlow } from './tools.js';

/**
 * @example
 * contractFlows.map((f) => f.group); // ['sessions', 'tools', 'search', 'connections', 'files', 'errors']
 */
export const contractFlows: readonly FlowDefinition<any>[] = [sessionsFlow, toolsFlow, searchFlow, connectionsFlow, filesFlow, errorsFlow];
