import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { parseRole, ROLES } from '@ssj/core';
import {
  createUser,
  describeCreateUserError,
  openDatabase,
  prepareDatabase,
  readConfig,
  selectDatabaseTarget,
  type Role,
} from '@ssj/server';

function parseRoleOption(value: string): Role {
  const role = parseRole(value);
  if (role === null) throw new InvalidArgumentError(`role must be one of ${ROLES.join(', ')}`);
  return role;
}

interface UserAddOptions {
  role: Role;
  department?: string;
  region?: string;
  name?: string;
  password?: string;
}

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

/** `ssj user add USERNAME --role ROLE [--department CODE|NAME] [--region CODE] [--name NAME]`. */
export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('staff accounts');
  user
    .command('add')
    .description('create a staff account; the password comes from --password or standard input')
    .argument('<username>', 'login name (letters, digits, _ . -)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, parseRoleOption)
    .option(
      '--department <department>',
      'department code or name (required for department_admin and inspector)',
    )
    .option('--region <code>', 'region code (GB/T 2260), default: the department’s region')
    .option('--name <displayName>', 'display name (default: the username)')
    .option('--password <password>', 'password (prefer standard input: it stays out of the shell history)')
    .action(async (username: string, options: UserAddOptions) => {
      const password = options.password ?? (await readPasswordFromStdin());
      const database = await openDatabase(selectDatabaseTarget(readConfig()));
      try {
        await prepareDatabase(database, { demo: false });
        const result = await createUser(
          database.db,
          { userId: null, role: 'cli', departmentId: null, requestId: null },
          {
            username,
            displayName: options.name ?? username,
            password,
            role: options.role,
            department: options.department ?? null,
            regionCode: options.region ?? null,
          },
        );
        if (!result.ok) {
          process.stderr.write(`ssj user add: ${describeCreateUserError(result.error)}\n`);
          process.exitCode = 1;
          return;
        }
        process.stdout.write(`created user ${username} (id ${result.value.id}, ${options.role})\n`);
      } finally {
        await database.close();
      }
    });
}
