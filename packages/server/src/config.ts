import path from 'node:path';

/** Runtime settings, read once from the environment at the edge (CLI) and passed down. */
export interface ServerConfig {
  /** TCP port for `ssj serve` (env PORT, default 3000). */
  readonly port: number;
  readonly host: string;
  /** Where the embedded database and uploads live (env SSJ_DATA_DIR, default ./data). */
  readonly dataDir: string;
  /** PostgreSQL connection string (env DATABASE_URL); when absent the embedded PGlite database is used. */
  readonly databaseUrl: string | null;
  /** Send cookies with the Secure flag (env SSJ_SECURE_COOKIES=1, for deployments behind HTTPS). */
  readonly secureCookies: boolean;
  /** Log level for pino (env LOG_LEVEL, default info). */
  readonly logLevel: string;
  /** Where the built web app is served from. */
  readonly webDistDir: string;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env['PORT'] ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env['PORT'] ?? ''}"`);
  }
  const databaseUrl = env['DATABASE_URL']?.trim();
  return {
    port,
    host: env['HOST'] ?? '0.0.0.0',
    dataDir: path.resolve(env['SSJ_DATA_DIR'] ?? 'data'),
    databaseUrl: databaseUrl !== undefined && databaseUrl !== '' ? databaseUrl : null,
    secureCookies: env['SSJ_SECURE_COOKIES'] === '1',
    logLevel: env['LOG_LEVEL'] ?? 'info',
    webDistDir: path.join(repoRoot, 'packages/web/dist'),
  };
}
