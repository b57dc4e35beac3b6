/**
 * Benchmark: ticketing and bottom-k selection of a 1 M-id frame on one core (issue "The double-random draw"),
 * beside `openssl speed -evp sha256` from the same run. Run: `npm run bench:sampler`. Prints JSON.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { makeUscc, selectSmallestFirstTickets, sampleBernoulli } from '../packages/core/src/index.ts';

const N = Number(process.env['BENCH_IDS'] ?? '1000000');
// USCC-like ids: valid codes, as a real frame holds.
const ids: string[] = [];
for (let i = 0; i < N; i++) {
  const body = `92140525${String(i).padStart(8, '0')}X`.slice(0, 17);
  ids.push(makeUscc(body));
}

function best(runs: number, body: () => void): number {
  let fastest = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = process.cpuUsage();
    body();
    const used = process.cpuUsage(t0);
    fastest = Math.min(fastest, (used.user + used.system) / 1e6);
  }
  return fastest;
}

const seed = '314159265358979323846264338327|JC2023-001|1|targets';
const results: Record<string, number> = {};
for (const k of [10, 1000, 20000]) {
  const seconds = best(3, () => {
    const r = selectSmallestFirstTickets(ids, seed, k, { checkDuplicates: true });
    if (!r.ok) throw new Error('sample failed');
  });
  results[`bottomK_${String(k)}_idsPerSecond`] = Math.round(N / seconds);
}
const bernoulliSeconds = best(3, () => {
  const r = sampleBernoulli(ids, seed, '0.01');
  if (!r.ok) throw new Error('bernoulli failed');
});
results['bernoulli_1pct_idsPerSecond'] = Math.round(N / bernoulliSeconds);

let openssl: string | null = null;
try {
  const out = execFileSync('openssl', ['speed', '-seconds', '2', '-bytes', '64', '-evp', 'sha256'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const line = out.split('\n').find((l) => /^sha256/i.test(l.trim()));
  openssl = line?.trim() ?? null;
} catch {
  openssl = null;
}
// openssl reports kB/s of 64-byte blocks; one id costs one 64-byte SHA-256 block after H(seed) is precomputed.
const kbPerSecond = openssl === null ? null : Number(openssl.split(/\s+/).at(-1)?.replace('k', ''));
console.log(
  JSON.stringify(
    {
      benchmark: 'sampler-1M',
      ids: N,
      ...results,
      opensslSha256_64B: openssl,
      opensslSha256BlocksPerSecond: kbPerSecond === null ? null : Math.round((kbPerSecond * 1000) / 64),
      cpu: os.cpus()[0]?.model,
      node: process.version,
    },
    null,
    1,
  ),
);
