/**
 * Named points where a test can kill this process on the spot, as a power cut or `kill -9` would:
 * the tests that prove an interrupted start or import leaves nothing half-done set
 * `BOUCLES_FAULT_AT` to one of these names and start the server or the command as a child
 * process. Unset (always, outside those tests), a fault point does nothing.
 */
export type FaultPoint = 'pglite-init' | 'migration-applied' | 'demo-territory-loaded' | 'demo-account-created' | 'import-staged';

export function faultPoint(name: FaultPoint, env: NodeJS.ProcessEnv = process.env): void {
  if (env.BOUCLES_FAULT_AT === name) process.kill(process.pid, 'SIGKILL');
}
