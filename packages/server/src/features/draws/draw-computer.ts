/**
 * Where a session's frames are frozen and its draw is computed: in a worker thread (the default), so that on the
 * embedded database, which runs on the caller's thread, storing one group of frames or records overlaps computing
 * the next (the machine's second core does the computing); or on the caller's thread (`SSJ_DRAW_WORKER=0`). Both run
 * frame-computation.ts and draw-computation.ts on the same inputs and give the same frames and records
 * (draw-computer.test.ts).
 *
 * One worker serves the process, one freeze or publication at a time (the next waits for the first to release
 * it); it is started on first use (a freeze starts it, so that its code loads while the register is read), runs
 * draw-worker.ts bundled by esbuild (see bundleWorker), and does not keep the process alive while idle.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { Result } from '@ssj/core';
import {
  createDrawComputation,
  type DrawnFrame,
  type FrameText,
  type TeamContext,
} from './draw-computation.ts';
import type { DrawError } from './draw-errors.ts';
import { computeFrames, type ComputedFrame, type FrameRequest } from './frame-computation.ts';

type FramesAnswer = Result<ComputedFrame[], DrawError>;
type TargetsAnswer = Result<{ frameId: number; targetIds: string[] }[], DrawError>;
type TeamsAnswer = Result<DrawnFrame[], DrawError>;

/** A session's handle on the draw computation; every call answers in the order made. */
export interface DrawComputer {
  /** Freezes these frames (a session's freeze asks group by group). */
  freezeFrames(requests: readonly FrameRequest[]): Promise<FramesAnswer>;
  drawTargets(seedValue: string, frames: readonly FrameText[]): Promise<TargetsAnswer>;
  /** `context` with the first call of a session, null after (it is kept). */
  drawTeams(context: TeamContext | null, frameIds: readonly number[]): Promise<TeamsAnswer>;
  /** Lets the next session use the worker. */
  release(): void;
}

export type DrawRequest =
  | { readonly seq: number; readonly op: 'begin' }
  | { readonly seq: number; readonly op: 'frames'; readonly requests: readonly FrameRequest[] }
  | {
      readonly seq: number;
      readonly op: 'targets';
      readonly seedValue: string;
      readonly frames: readonly FrameText[];
    }
  | {
      readonly seq: number;
      readonly op: 'teams';
      readonly context: TeamContext | null;
      readonly frameIds: readonly number[];
    };

/** A request before the worker's thread gives it its place in line. */
type Unsequenced<T> = T extends unknown ? Omit<T, 'seq'> : never;

export type DrawResponse =
  | { readonly seq: number; readonly ok: true; readonly value: unknown }
  | { readonly seq: number; readonly ok: false; readonly message: string };

/**
 * Consecutive groups of work items (index ranges) for a computation overlapped with storing: the first group small,
 * so that storing starts early; then about an eighth of the total weight each; tapering at the end (half of what is
 * left, down to a thirty-second), because once the last group is computed, storing it is all that is left to wait for.
 */
export function groupForOverlap(weights: readonly number[]): [number, number][] {
  const total = weights.reduce((n, w) => n + w, 0);
  const groups: [number, number][] = [];
  let start = 0;
  let size = 0;
  let left = total;
  for (let i = 0; i < weights.length; i++) {
    size += weights[i] ?? 0;
    const wanted = groups.length === 0 ? total / 16 : Math.min(total / 8, Math.max(total / 32, left / 2));
    if (size >= wanted) {
      groups.push([start, i + 1]);
      start = i + 1;
      left -= size;
      size = 0;
    }
  }
  if (start < weights.length) groups.push([start, weights.length]);
  return groups;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface DrawThread {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  dead: boolean;
}

/** The worker's thread, started (or starting: its code is being bundled) for the process. */
let thread: Promise<DrawThread> | null = null;
let seq = 0;
/** Sessions take the worker one after another. */
let queue: Promise<void> = Promise.resolve();
/** The worker's code, bundled once per process. */
let bundled: Promise<string> | null = null;

/**
 * draw-worker.ts and what it imports (the draw computation, core), bundled by esbuild into one CommonJS script the
 * worker evaluates. Loading the TypeScript sources in the worker through tsx instead cost 2–3 s of CPU per start
 * (module hooks on a thread of their own, each module resolved and compiled again), competing with the freeze for the
 * machine's cores; bundling takes about 0.1 s, in esbuild's own process.
 */
function bundleWorker(): Promise<string> {
  bundled ??= build({
    entryPoints: [fileURLToPath(new URL('./draw-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).then(
    (result) => {
      const file = result.outputFiles[0];
      if (file === undefined) throw new Error('esbuild produced no draw worker');
      return file.text;
    },
    (error: unknown) => {
      bundled = null;
      throw error;
    },
  );
  return bundled;
}

function startThread(script: string): DrawThread {
  const worker = new Worker(script, { eval: true });
  const started: DrawThread = { worker, pending: new Map(), dead: false };
  const fail = (error: Error): void => {
    started.dead = true;
    for (const p of started.pending.values()) p.reject(error);
    started.pending.clear();
  };
  worker.on('message', (response: DrawResponse) => {
    const p = started.pending.get(response.seq);
    if (p === undefined) return;
    started.pending.delete(response.seq);
    if (started.pending.size === 0) worker.unref();
    if (response.ok) p.resolve(response.value);
    else p.reject(new Error(`draw worker: ${response.message}`));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    fail(new Error(`draw worker stopped (exit code ${String(code)})`));
  });
  worker.unref();
  return started;
}

/** The worker's thread: the running one, or a new one when there is none (or it stopped). */
async function obtainThread(): Promise<DrawThread> {
  if (thread !== null) {
    const running = await thread.catch(() => null);
    if (running !== null && !running.dead) return running;
  }
  thread = bundleWorker().then(startThread);
  thread.catch(() => {
    thread = null;
  });
  return thread;
}

function ask(t: DrawThread, request: DrawRequest): Promise<unknown> {
  if (t.dead) return Promise.reject(new Error('draw worker stopped'));
  return new Promise((resolve, reject) => {
    t.pending.set(request.seq, { resolve, reject });
    // While an answer is awaited the worker keeps the process alive (the caller may have nothing else pending).
    t.worker.ref();
    t.worker.postMessage(request);
  });
}

/** A computer on the caller's thread. */
function openInlineComputer(): DrawComputer {
  const computation = createDrawComputation();
  let context: TeamContext | null = null;
  return {
    freezeFrames: (requests) => Promise.resolve(computeFrames(requests)),
    drawTargets: (seedValue, frames) => Promise.resolve(computation.drawTargets(seedValue, frames)),
    drawTeams: (given, frameIds) => {
      if (given !== null) context = given;
      if (context === null) return Promise.reject(new Error('teams asked before the session context'));
      return Promise.resolve(computation.drawTeams(context, frameIds));
    },
    release: () => undefined,
  };
}

/**
 * Starts the worker (bundling its code, then its thread) ahead of the first session, as `ssj serve` does once it
 * listens: a session otherwise begins by spawning esbuild on the caller's thread (~0.1–0.2 s before its first
 * statement). Resolves once the thread exists; a failure is left for the first session to meet and report.
 */
export async function warmDrawComputer(): Promise<void> {
  if (process.env['SSJ_DRAW_WORKER'] === '0') return;
  await obtainThread().catch(() => undefined);
}

/** The draw computation for one session: the shared worker (waiting for a session using it), or inline. */
export async function openDrawComputer(
  where: 'worker' | 'inline' = process.env['SSJ_DRAW_WORKER'] === '0' ? 'inline' : 'worker',
): Promise<DrawComputer> {
  if (where === 'inline') return openInlineComputer();
  let release!: () => void;
  const previous = queue;
  queue = new Promise<void>((resolve) => {
    release = resolve;
  });
  await previous;
  // Not awaited: the worker's code may still be bundling or loading; requests are posted in the order made, once it
  // exists, and wait in its port until it answers them in order.
  const started = obtainThread();
  started.catch(() => undefined);
  const post = async (request: Unsequenced<DrawRequest>): Promise<unknown> => {
    const t = await started;
    return ask(t, { ...request, seq: ++seq });
  };
  post({ op: 'begin' }).catch(() => undefined);
  let released = false;
  return {
    freezeFrames: async (requests) => (await post({ op: 'frames', requests })) as FramesAnswer,
    drawTargets: async (seedValue, frames) =>
      (await post({ op: 'targets', seedValue, frames })) as TargetsAnswer,
    drawTeams: async (context, frameIds) => (await post({ op: 'teams', context, frameIds })) as TeamsAnswer,
    release: () => {
      if (released) return;
      released = true;
      release();
    },
  };
}
