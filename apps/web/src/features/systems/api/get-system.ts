/** One system: the shared options in lib/ (the repair jobs read the same query). */
export { systemQueryOptions, useSystem } from '../../../lib/system-query';
