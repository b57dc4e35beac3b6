import type { Command } from 'commander';
import { DEFAULT_DEMO_OBJECTS, DEMO_PASSWORD, readConfig, startServer } from '@ssj/server';
import { createProgressReporter } from './progress.ts';

/** `ssj serve`: what `npm start` runs. PORT and SSJ_DATA_DIR / DATABASE_URL come from the environment. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the platform (HTTP API + web app) on PORT (default 3000)')
    .option('--no-demo', 'do not create demo accounts and demo data on an empty database')
    .action(async (options: { demo: boolean }) => {
      const config = readConfig();
      const progress = createProgressReporter();
      const demoObjects = Number(process.env['SSJ_DEMO_OBJECTS'] ?? DEFAULT_DEMO_OBJECTS);
      const server = await startServer(config, {
        demo: options.demo,
        demoObjects,
        onProgress: progress.report,
      });
      progress.stop();
      if (server.createdDemoAccounts.length > 0) {
        const lines = [
          '',
          '演示账户已创建 (demo accounts created; shown once):',
          ...server.createdDemoAccounts.map(
            (a) => `  ${a.username.padEnd(16)} ${a.role.padEnd(17)} ${a.displayName}`,
          ),
          `  password / 密码: ${DEMO_PASSWORD}`,
          '',
        ];
        process.stdout.write(lines.join('\n') + '\n');
      }
      const port = config.port;
      process.stdout.write(
        `双随机 platform listening on http://localhost:${port} (${server.database.kind}: ${server.database.location})\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = (signal: string): void => {
          process.stdout.write(`\n${signal}: shutting down…\n`);
          server
            .stop()
            .then(resolve)
            .catch((error: unknown) => {
              process.stderr.write(`shutdown failed: ${String(error)}\n`);
              process.exitCode = 1;
              resolve();
            });
        };
        process.once('SIGINT', () => {
          stop('SIGINT');
        });
        process.once('SIGTERM', () => {
          stop('SIGTERM');
        });
      });
    });
}
