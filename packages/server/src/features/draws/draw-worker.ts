/**
 * The draw worker's thread (started by draw-computer.ts): runs a session's frame freezing (frame-computation.ts) and
 * draw computation (draw-computation.ts) message by message, so the thread that holds the database stores one group
 * of frames or records while this one computes the next. Requests are answered in the order they arrive.
 */
import { parentPort } from 'node:worker_threads';
import { createDrawComputation, type DrawComputation, type TeamContext } from './draw-computation.ts';
import type { DrawRequest, DrawResponse } from './draw-computer.ts';
import { computeFrames } from './frame-computation.ts';

const port = parentPort;
if (port === null) throw new Error('draw-worker.ts runs only as a worker thread');

let computation: DrawComputation = createDrawComputation();
let context: TeamContext | null = null;

port.on('message', (request: DrawRequest) => {
  let response: DrawResponse;
  try {
    switch (request.op) {
      case 'begin':
        computation = createDrawComputation();
        context = null;
        response = { seq: request.seq, ok: true, value: null };
        break;
      case 'frames':
        response = { seq: request.seq, ok: true, value: computeFrames(request.requests) };
        break;
      case 'targets':
        response = {
          seq: request.seq,
          ok: true,
          value: computation.drawTargets(request.seedValue, request.frames),
        };
        break;
      case 'teams':
        if (request.context !== null) context = request.context;
        if (context === null) throw new Error('teams asked before the session context');
        response = { seq: request.seq, ok: true, value: computation.drawTeams(context, request.frameIds) };
        break;
    }
  } catch (error) {
    response = {
      seq: request.seq,
      ok: false,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  port.postMessage(response);
});
