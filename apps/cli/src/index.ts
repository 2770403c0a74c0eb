export { run, HELP } from './cli.js';
export type { Io } from './io.js';
