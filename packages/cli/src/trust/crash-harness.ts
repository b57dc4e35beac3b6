/**
 * Crash harness (issue "Trust": crash safety). Runs real `ssj` commands on a file-backed embedded database in a
 * temporary directory, kills them with SIGKILL at a point chosen from a seed, restarts (opens the data directory
 * again: the killed process's lock file is stale and must be taken over), and checks that the interrupted operation
 * is complete or absent — never half-done — and that the audit chain verifies.
 *
 * - Every run starts from a copy of one template database (the demo plan, register and accounts), built once and
 *   cached under the system temp directory by a key of the migrations and this file's TEMPLATE_VERSION.
 * - The kill time: the harness waits until the command has locked the data directory (its lock file appears; from
 *   then on it works on the database), then waits `fraction × window` ms, fraction from the seeded PRNG. The window is
 *   how long an uninterrupted run of the scenario holds the lock (calibrated: measured first, or taken from the
 *   last measurement cached beside the template), else the scenario's default. A command that finishes
 *   first is checked the same way (complete).
 * - After the restart: the scenario's own check (e.g. all N objects or none) and every database invariant of
 *   @ssj/server checkConsistency (plans whole, draw sessions in one of their states with every draw's targets and
 *   teams, the audit chain).
 *
 * Extension point — new multi-step operations (the publication of inspection results 公示 is next): add a
 * {@link CrashScenario} to {@link CRASH_SCENARIOS} (the command to interrupt and what "complete or absent" means for
 * it), and a check to CONSISTENCY_CHECKS in packages/server/src/trust/check-consistency.ts. Bounded runs are in
 * crash-harness.test.ts; `npm run soak:crash` runs 100+ (crash-soak.ts; docs in README "Crash safety").
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeOrgCode, makeUscc, parsePlanFile } from '@ssj/core';
import {
  checkConsistency,
  openDatabase,
  prepareDatabase,
  seedDemoRegister,
  type ConsistencyProblem,
} from '@ssj/server';
import { SSJ_BIN } from '../testing/run-ssj.ts';

type Db = Parameters<typeof checkConsistency>[0];

/** Bump when the template's recipe changes, so cached templates are rebuilt. */
const TEMPLATE_VERSION = 1;
const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../server/src/db/migrations');
export const DEMO_NOTICE = path.resolve(
  import.meta.dirname,
  '../../../server/demo-data/jincheng-2023-plan-notice.txt',
);
const LOCK_FILE = 'ssj.lock';

/** Files the scenarios use, made once per harness run. */
export interface HarnessFiles {
  readonly notice: string;
  readonly noticeTasks: number;
  readonly objectsCsv: string;
  readonly objectRows: number;
}

/** What an interrupted operation left: a state name (complete or absent), and problems when it is neither. */
export interface ScenarioState {
  readonly state: string;
  readonly problems: readonly string[];
}

export interface CrashScenario {
  readonly name: string;
  /** The `ssj` arguments of the operation to interrupt. */
  args(files: HarnessFiles): string[];
  /** Kill window (ms after the data directory is locked) when not calibrated. */
  readonly windowMs: number;
  /** After the restart: complete, absent, or problems. */
  inspect(db: Db, files: HarnessFiles): Promise<ScenarioState>;
}

async function count(query: Promise<{ n: string }>): Promise<number> {
  return Number((await query).n);
}

/** `ssj plan import NOTICE --year 2024 --publish`: two transactions (draft, then version 1). */
const planImport: CrashScenario = {
  name: 'plan-import',
  windowMs: 2500,
  args: (files) => ['plan', 'import', files.notice, '--year', '2024', '--publish'],
  inspect: async (db, files) => {
    const plan = await db.selectFrom('plans').selectAll().where('year', '=', 2024).executeTakeFirst();
    if (plan === undefined) return { state: 'absent', problems: [] };
    const tasks = await count(
      db
        .selectFrom('tasks')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('plan_id', '=', plan.id)
        .executeTakeFirstOrThrow(),
    );
    const problems =
      tasks === files.noticeTasks
        ? []
        : [`plan 2024 has ${String(tasks)} tasks, the notice ${String(files.noticeTasks)}`];
    return { state: plan.status, problems };
  },
};

/** `ssj objects import FILE.csv`: one transaction for every row. */
const objectsImport: CrashScenario = {
  name: 'objects-import',
  windowMs: 4000,
  args: (files) => ['objects', 'import', files.objectsCsv],
  inspect: async (db, files) => {
    const source = `import:${path.basename(files.objectsCsv)}`;
    const stored = await count(
      db
        .selectFrom('objects')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('source', '=', source)
        .executeTakeFirstOrThrow(),
    );
    const audited = await count(
      db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', 'objects.import')
        .executeTakeFirstOrThrow(),
    );
    const problems: string[] = [];
    if (stored !== 0 && stored !== files.objectRows) {
      problems.push(`${String(stored)} of ${String(files.objectRows)} objects stored (all or none expected)`);
    }
    if (audited !== (stored === 0 ? 0 : 1)) problems.push(`${String(audited)} objects.import audit entries`);
    return { state: stored === 0 ? 'absent' : 'complete', problems };
  },
};

const DRAW_TASKS = ['JC2023-001', 'JC2023-100', 'JC2023-133'];

/** `ssj draw run`: freeze, seed, publish: three transactions, each leaving a session state of its own. */
const drawRun: CrashScenario = {
  name: 'draw-run',
  windowMs: 3500,
  args: () => [
    'draw',
    'run',
    '--tasks',
    DRAW_TASKS.join(','),
    '--batch',
    '1',
    '--seed',
    '31415926535897932384626',
    '--witness',
    '张三',
    '--witness',
    '李四',
  ],
  inspect: async (db) => {
    const sessions = await db.selectFrom('draw_sessions').select(['id', 'status']).execute();
    if (sessions.length === 0) return { state: 'absent', problems: [] };
    const problems = sessions.length > 1 ? [`${String(sessions.length)} draw sessions, expected one`] : [];
    const session = sessions[0];
    const frames = await count(
      db
        .selectFrom('draw_frames')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('session_id', '=', session?.id ?? 0)
        .executeTakeFirstOrThrow(),
    );
    if (frames !== DRAW_TASKS.length)
      problems.push(`${String(frames)} frames, expected ${String(DRAW_TASKS.length)}`);
    return { state: session?.status ?? 'absent', problems };
  },
};

/** The operations the harness interrupts. Add one per new multi-step operation (see the file comment). */
export const CRASH_SCENARIOS: readonly CrashScenario[] = [drawRun, objectsImport, planImport];

// ---- seeded schedule -------------------------------------------------------------------------------------------

/** mulberry32: the same seed, the same scenarios and kill points. */
export function createSchedule(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- the template database -------------------------------------------------------------------------------------

/** The recipe and every migration's source: a changed schema builds a new template. */
function templateKey(): string {
  const hash = createHash('sha256').update(String(TEMPLATE_VERSION));
  for (const name of fs.readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(name).update(fs.readFileSync(path.join(MIGRATIONS_DIR, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The data directory every run copies: migrated, with the demo accounts, the published 2023 plan, a small demo
 * register (900 objects, 640 inspectors) and confirmed populations. Built once and cached in the temp directory.
 */
export async function ensureTemplate(log: (line: string) => void): Promise<string> {
  const dir = path.join(os.tmpdir(), `ssj-crash-template-${templateKey()}`);
  if (fs.existsSync(path.join(dir, 'pglite', 'PG_VERSION'))) return dir;
  const building = `${dir}.building-${String(process.pid)}`;
  fs.rmSync(building, { recursive: true, force: true });
  log(`building the template database in ${dir} (once; later runs reuse it)`);
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(building, 'pglite') });
  try {
    await prepareDatabase(database, { demo: true, demoObjects: 0 });
    await seedDemoRegister(database.db, { objectCount: 900, inspectorCount: 640 });
  } finally {
    await database.close();
  }
  try {
    fs.renameSync(building, dir);
  } catch {
    fs.rmSync(building, { recursive: true, force: true }); // another process built it meanwhile
  }
  // Templates of older schemas are of no use any more (about 45 MB each).
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (/^ssj-crash-template-[0-9a-f]{16}$/.test(name) && name !== path.basename(dir)) {
      fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  }
  return dir;
}

/** A CSV of `rows` objects in 泽州 with valid, distinct USCCs (none of them in the demo register). */
export function writeObjectsCsv(file: string, rows: number): void {
  const lines = ['统一社会信用代码,企业名称,住所,登记状态'];
  for (let i = 0; i < rows; i++) {
    const uscc = makeUscc('91140525' + makeOrgCode(`MC${String(i).padStart(6, '0')}`));
    lines.push(
      `${uscc},晋城市泽州县崩溃测试${String(i)}有限公司,山西省晋城市泽州县巴公镇${String(i)}号,存续`,
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

async function prepareFiles(workDir: string, objectRows: number): Promise<HarnessFiles> {
  const parsed = await parsePlanFile(fs.readFileSync(DEMO_NOTICE), DEMO_NOTICE);
  if (!parsed.ok) throw new Error(`the demo notice does not parse: ${parsed.error.message}`);
  const objectsCsv = path.join(workDir, 'objects-crash.csv');
  writeObjectsCsv(objectsCsv, objectRows);
  return { notice: DEMO_NOTICE, noticeTasks: parsed.value.tasks.length, objectsCsv, objectRows };
}

// ---- one run ---------------------------------------------------------------------------------------------------

export interface RunResult {
  readonly run: number;
  readonly scenario: string;
  /** ms after the lock appeared when SIGKILL was sent; null for an uninterrupted (calibration) run. */
  readonly killAfterMs: number | null;
  /** killed, or finished before the kill (exit code). */
  readonly outcome: 'killed' | `exited ${string}`;
  /** ms the command held the data directory (lock appearing → exit or kill). */
  readonly lockedMs: number;
  readonly state: string;
  readonly problems: readonly ConsistencyProblem[];
  readonly dataDir: string;
}

interface Interrupted {
  readonly outcome: RunResult['outcome'];
  readonly lockedMs: number;
  readonly output: string;
}

/** Run `ssj args` on `dataDir`; SIGKILL it `killAfterMs` after it locks the directory (never, when null). */
async function runAndKill(
  args: readonly string[],
  dataDir: string,
  killAfterMs: number | null,
): Promise<Interrupted> {
  const lock = path.join(dataDir, 'pglite', LOCK_FILE);
  const child = spawn(process.execPath, [SSJ_BIN, ...args], {
    env: { ...process.env, SSJ_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  const seen: { lockedAt: number | null } = { lockedAt: null };
  let killTimer: NodeJS.Timeout | undefined;
  // Poll for the lock: the moment the command starts working on the database.
  const poll = setInterval(() => {
    if (seen.lockedAt !== null || !fs.existsSync(lock)) return;
    seen.lockedAt = Date.now();
    if (killAfterMs !== null) {
      killTimer = setTimeout(() => {
        child.kill('SIGKILL');
      }, killAfterMs);
    }
  }, 5);
  const noStart = setTimeout(() => {
    if (seen.lockedAt === null) child.kill('SIGKILL');
  }, 120_000);
  const { code, signal } = await exited;
  clearInterval(poll);
  clearTimeout(noStart);
  clearTimeout(killTimer);
  const lockedAt = seen.lockedAt;
  if (lockedAt === null)
    throw new Error(`ssj ${args.join(' ')} never locked ${dataDir} (exit ${String(code)}): ${output}`);
  return {
    outcome: signal === 'SIGKILL' ? 'killed' : `exited ${String(code)}`,
    lockedMs: Date.now() - lockedAt,
    output,
  };
}

/** After a crash: open the data directory again (taking over the stale lock) and check everything. */
async function inspectAfterRestart(
  dataDir: string,
  scenario: CrashScenario,
  files: HarnessFiles,
): Promise<{ state: string; problems: ConsistencyProblem[] }> {
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  try {
    const own = await scenario.inspect(database.db, files);
    const problems = [
      ...own.problems.map((message) => ({ check: scenario.name, message })),
      ...(await checkConsistency(database.db)),
    ];
    return { state: own.state, problems };
  } finally {
    await database.close();
  }
}

/** `ssj audit verify` as a real process on a data directory: its exit code and output. */
export async function runAuditVerify(dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [SSJ_BIN, 'audit', 'verify'], {
    env: { ...process.env, SSJ_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

export interface HarnessOptions {
  readonly seed: number;
  /** Killed runs (scenarios in turn). */
  readonly runs: number;
  /** Scenario names to run (default: all). */
  readonly scenarios?: readonly string[];
  /** Rows of the objects CSV (default 20,000). */
  readonly objectRows?: number;
  /**
   * One uninterrupted run per scenario sizes its kill window (and checks a complete run): `always`, `cached` (only
   * for scenarios without a measurement cached beside the template on this machine), or `never` (defaults).
   */
  readonly calibrate?: 'always' | 'cached' | 'never';
  /** Also run `ssj audit verify` as a process after every n-th run that was killed (0: never). */
  readonly auditVerifyEvery?: number;
  /** Keep the run directories (default: only those with problems). */
  readonly keep?: boolean;
  readonly log?: (line: string) => void;
}

export interface HarnessReport {
  readonly seed: number;
  readonly results: readonly RunResult[];
  readonly inconsistencies: number;
  /** State reached per scenario, counted: e.g. {"draw-run": {"absent": 1, "seeded": 2}}. */
  readonly states: Record<string, Record<string, number>>;
  readonly workDir: string;
  readonly ms: number;
}

/** Kill windows measured on this machine, by scenario (cached beside the template). */
function readWindows(file: string): Record<string, number> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

function writeWindows(file: string, windows: Record<string, number>): void {
  fs.writeFileSync(`${file}.${String(process.pid)}`, JSON.stringify(windows));
  fs.renameSync(`${file}.${String(process.pid)}`, file);
}

/** Run the harness: a seeded schedule of killed runs over the scenarios; report every run and every problem. */
export async function runCrashHarness(options: HarnessOptions): Promise<HarnessReport> {
  const started = Date.now();
  const log = options.log ?? ((): void => undefined);
  const scenarios = CRASH_SCENARIOS.filter((s) => options.scenarios?.includes(s.name) ?? true);
  if (scenarios.length === 0) throw new Error(`no such scenario: ${options.scenarios?.join(', ') ?? ''}`);
  const template = await ensureTemplate(log);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `ssj-crash-${String(options.seed)}-`));
  const files = await prepareFiles(workDir, options.objectRows ?? 20_000);
  const next = createSchedule(options.seed);
  const windows = new Map(scenarios.map((s) => [s.name, s.windowMs]));
  const results: RunResult[] = [];

  const runOnce = async (
    run: number,
    scenario: CrashScenario,
    killAfterMs: number | null,
  ): Promise<RunResult> => {
    const dataDir = path.join(workDir, `run-${String(run)}-${scenario.name}`);
    fs.cpSync(template, dataDir, { recursive: true });
    const interrupted = await runAndKill(scenario.args(files), dataDir, killAfterMs);
    const problems: ConsistencyProblem[] = [];
    if (killAfterMs === null && interrupted.outcome !== 'exited 0') {
      problems.push({ check: scenario.name, message: `the uninterrupted run failed: ${interrupted.output}` });
    }
    // The restart: first the real `ssj audit verify` (it meets the killed process's lock file), when asked for.
    const every = options.auditVerifyEvery ?? 0;
    if (killAfterMs !== null && every > 0 && run % every === 0) {
      const verified = await runAuditVerify(dataDir);
      if (verified.code !== 0) {
        problems.push({
          check: 'ssj audit verify',
          message: `exit ${String(verified.code)}: ${verified.output}`,
        });
      }
    }
    const inspected = await inspectAfterRestart(dataDir, scenario, files);
    problems.push(...inspected.problems);
    const result: RunResult = {
      run,
      scenario: scenario.name,
      killAfterMs,
      outcome: interrupted.outcome,
      lockedMs: interrupted.lockedMs,
      state: inspected.state,
      problems,
      dataDir,
    };
    log(
      `run ${String(run)} ${scenario.name}: ${killAfterMs === null ? 'uninterrupted' : `kill at +${String(killAfterMs)} ms`}, ` +
        `${result.outcome} after ${String(result.lockedMs)} ms → ${result.state}` +
        (problems.length === 0
          ? ', consistent'
          : `, ${String(problems.length)} PROBLEMS: ${JSON.stringify(problems)}`),
    );
    if (problems.length === 0 && options.keep !== true) fs.rmSync(dataDir, { recursive: true, force: true });
    return result;
  };

  let run = 0;
  const calibration = options.calibrate ?? 'never';
  const cacheFile = path.join(template, 'windows.json');
  const cached = calibration === 'cached' && fs.existsSync(cacheFile) ? readWindows(cacheFile) : {};
  for (const scenario of scenarios) {
    const known = cached[scenario.name];
    if (known !== undefined) windows.set(scenario.name, known);
    if (calibration === 'never' || known !== undefined) continue;
    const measured = await runOnce(run++, scenario, null);
    results.push(measured);
    const window = Math.round(measured.lockedMs * 1.1);
    windows.set(scenario.name, window);
    writeWindows(cacheFile, { ...readWindows(cacheFile), [scenario.name]: window });
  }
  for (let i = 0; i < options.runs; i++) {
    const scenario = scenarios[i % scenarios.length];
    if (scenario === undefined) break;
    const killAfterMs = Math.round(next() * (windows.get(scenario.name) ?? scenario.windowMs));
    results.push(await runOnce(run++, scenario, killAfterMs));
  }

  const states: Record<string, Record<string, number>> = {};
  for (const r of results) {
    const byState = (states[r.scenario] ??= {});
    byState[r.state] = (byState[r.state] ?? 0) + 1;
  }
  if (options.keep !== true && results.every((r) => r.problems.length === 0)) {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  return {
    seed: options.seed,
    results,
    inconsistencies: results.reduce((n, r) => n + r.problems.length, 0),
    states,
    workDir,
    ms: Date.now() - started,
  };
}
