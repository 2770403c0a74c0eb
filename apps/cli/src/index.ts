export { run, HELP, type Io } from './cli.js';
