import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { createRng, flipBits, mutateSpreadsheetRows, mutateTextRows, smashBytes, truncateBytes, type Rng } from './fuzz-kit.ts';
import { listRegisterSeeds, type SeedFile } from './fuzz-seeds.ts';

function mutateBytes(bytes: Uint8Array, rng: Rng): Uint8Array {
  return rng.pick([flipBits, smashBytes, truncateBytes])(bytes, rng);
}
function mutate(seed: SeedFile, rng: Rng): Uint8Array {
  const lower = seed.name.toLowerCase();
  switch (rng.int(5)) {
    case 0: return flipBits(seed.bytes, rng);
    case 1: return smashBytes(seed.bytes, rng);
    case 2: return truncateBytes(seed.bytes, rng);
    default:
      if (lower.endsWith('.csv')) return Buffer.from(mutateTextRows(Buffer.from(seed.bytes).toString('utf8'), rng, ','));
      return mutateSpreadsheetRows(seed.bytes, lower.endsWith('.xls') ? 'biff8' : 'xlsx', rng);
  }
}
for (const [kind, target] of [['inspectors', 6], ['objects', 35]] as const) {
  it(`repro ${kind} ${target}`, () => {
    const seeds = listRegisterSeeds(kind);
    const rng = createRng(99 ^ (kind.length * 7919));
    for (let i = 0; i <= target; i++) {
      const seed = rng.pick(seeds);
      let bytes = mutate(seed, rng);
      if (rng.next() < 0.25) bytes = mutateBytes(bytes, rng);
      rng.next(); rng.next();
      if (i === target) { writeFileSync(`/tmp/ssj-hang-${kind}-${target}-${seed.name}`, bytes); console.log(seed.name, bytes.length); }
    }
  });
}
