import { createServices } from '../services/index.js';
import { EXIT_FAILURE, EXIT_OK, print, printError } from './commands.js';
import { loadDefinitions } from './load-definitions.js';
import { openDatabase } from './open-database.js';
import { parseCommandArgs } from './parse-command-args.js';
import { shippedDefinitionsDir } from './paths.js';
import { UsageError } from './usage-error.js';

export const USER_HELP = `Usage: ordo user add <name> --role <role> [--role <role> ...] --password-stdin
                     [--display-name X] [--locale zh-CN|en] [--manager <name>]
                     [--department <id> ...] [--data DIR]

Creates a user. The password is read from standard input (one line). Each role must be a role of the
published app (or, before anything is published, of the app in definitions/). --manager names the
user's manager (the managerOf approver in workflows); that user may be added later. Each --department
must be a department of the published app. With PGlite, stop the
server first: two processes cannot open one data folder.`;

export async function userCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    role: { type: 'string', multiple: true },
    'password-stdin': { type: 'boolean' },
    'display-name': { type: 'string' },
    locale: { type: 'string' },
    manager: { type: 'string' },
    department: { type: 'string', multiple: true },
    data: { type: 'string' },
  });
  if (values.help === true) {
    print(USER_HELP);
    return EXIT_OK;
  }
  const [action, username, ...rest] = positionals;
  if (action !== 'add' || username === undefined || rest.length > 0) throw new UsageError('expected: ordo user add <name>');
  const roles = values.role ?? [];
  if (roles.length === 0) throw new UsageError('give at least one --role');
  if (values['password-stdin'] !== true) throw new UsageError('--password-stdin is required (passwords never go on the command line)');
  const locale = values.locale;
  if (locale !== undefined && locale !== 'zh-CN' && locale !== 'en') throw new UsageError('--locale must be zh-CN or en');
  const password = await readPassword();

  const database = await openDatabase(values.data);
  try {
    const services = await createServices(database);
    if (services.definitions.app() === undefined) {
      const unknown = await rolesMissingFromShippedApp(roles);
      if (unknown.length > 0) {
        printError(`unknown role${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}`);
        return EXIT_FAILURE;
      }
    }
    const user = await services.auth.addUser({
      username,
      roles,
      password,
      ...(values['display-name'] === undefined ? {} : { displayName: values['display-name'] }),
      ...(locale === undefined ? {} : { locale }),
      ...(values.manager === undefined ? {} : { manager: values.manager }),
      ...(values.department === undefined ? {} : { departments: values.department }),
    });
    print(`added user ${user.username} (${user.roles.join(', ')})`);
    return EXIT_OK;
  } finally {
    await database.close();
  }
}

async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function rolesMissingFromShippedApp(roles: readonly string[]): Promise<string[]> {
  const loaded = await loadDefinitions(shippedDefinitionsDir);
  const known = new Set(['admin', ...(loaded.ok ? (loaded.definitions.app?.roles.map((role) => role.id) ?? []) : [])]);
  return roles.filter((role) => !known.has(role));
}
