/**
 * Byte-compatibility with the Python originals (DOMAIN.md §4.3): every vector of
 * shared/vectors/consistent_sampler__ron_rivest.json and shared/vectors/arlo__draw_sample_snapshots.json.
 * Each entry is iterated from the JSON; an entry this file cannot interpret fails the test instead of being skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatPythonStr } from './python-str.ts';
import type { PythonValue } from './python-str.ts';
import { sampleTuples } from './sampler.ts';
import { hashSha256Hex } from './sha256.ts';
import { createFirstTicket, createNextTicket, formatTicketTuple } from './ticket.ts';
import type { Ticket, TicketTuple } from './ticket.ts';
import { computeFirstFraction, computeNextFraction, hashUniform, trimTicketNumber } from './uniform.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const rivestPath = `${repoRoot}../shared/vectors/consistent_sampler__ron_rivest.json`;
const arloPath = `${repoRoot}../shared/vectors/arlo__draw_sample_snapshots.json`;

type Json = unknown;

function readJson(path: string): Record<string, Json> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, Json>;
}

/** A Python value from the JSON form of a vector (ints stay ints, lists are tuples). */
function toPython(value: Json): PythonValue {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map(toPython);
  throw new Error(`unexpected id in vector: ${JSON.stringify(value)}`);
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`draw failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe.skipIf(!existsSync(rivestPath))('consistent_sampler vectors (ron-rivest/consistent_sampler)', () => {
  const data = existsSync(rivestPath) ? readJson(rivestPath) : {};
  const primitives = (data.primitive_vectors ?? {}) as Record<string, Json>;
  const examples = (data.sampler_examples ?? []) as Record<string, Json>[];

  /** How to check each primitive vector, keyed by a pattern on its description. */
  const checks: [RegExp, (key: string, expected: Json) => void][] = [
    [
      /^sha256_hex\('(.*)'\)$/,
      (key, expected) => {
        expect(hashSha256Hex(/^sha256_hex\('(.*)'\)$/.exec(key)?.[1] ?? '')).toBe(expected);
      },
    ],
    [
      /^sha256_uniform\('(.*)'\)$/,
      (key, expected) => {
        expect(hashUniform(/^sha256_uniform\('(.*)'\)$/.exec(key)?.[1] ?? '')).toBe(expected);
      },
    ],
    [
      /^first_fraction\(id='(.*)', seed='(.*)'\)$/,
      (key, expected) => {
        const [, id = '', seed = ''] = /^first_fraction\(id='(.*)', seed='(.*)'\)$/.exec(key) ?? [];
        expect(computeFirstFraction(id, seed)).toBe(expected);
      },
    ],
    [
      /^next_fraction\('(.*)'\)$/,
      (key, expected) => {
        expect(computeNextFraction(/^next_fraction\('(.*)'\)$/.exec(key)?.[1] ?? '')).toBe(expected);
      },
    ],
    [
      /^next_ticket\(first ticket of AB-130 above\)$/,
      (_key, expected) => {
        const first = createFirstTicket('AB-130', '01382438112797316654');
        const next = createNextTicket(first);
        expect([next.ticketNumber, next.id, next.generation]).toEqual(expected);
      },
    ],
    [
      /^first tickets for ids \[(.*)\], seed '(.*)' \(heap order, not sorted\)$/,
      (key, expected) => {
        const [, list = '', seed = ''] = /^first tickets for ids \[(.*)\], seed '(.*)'/.exec(key) ?? [];
        const ids = list.split(',').map((s) => s.trim().replace(/^'|'$/g, ''));
        const tickets = ids.map((id) => createFirstTicket(id, seed));
        const asTuples = tickets.map((t) => [t.ticketNumber, t.id, t.generation]);
        // The vector lists Python's heap array; compare as sets of tickets, and check the order of the draw.
        expect([...asTuples].sort()).toEqual([...(expected as Json[])].sort());
        const drawn = unwrap(sampleTuples(ids, seed, { digits: 100 }));
        expect(drawn.map((t) => t[0])).toEqual(asTuples.map((t) => t[0]).sort());
      },
    ],
    [
      /^next ticket \(generation 3\) after ticket_number '(.*)' for id '(.*)'$/,
      (key, expected) => {
        const [, number = '', id = ''] = /after ticket_number '(.*)' for id '(.*)'$/.exec(key) ?? [];
        const next = createNextTicket({ ticketNumber: number, id, generation: 2 });
        expect([next.ticketNumber, next.id, next.generation]).toEqual(expected);
      },
    ],
    [
      /^trim\('(.*)', (\d+)\)$/,
      (key, expected) => {
        const [, x = '', digits = ''] = /^trim\('(.*)', (\d+)\)$/.exec(key) ?? [];
        expect(trimTicketNumber(x, Number(digits))).toBe(expected);
      },
    ],
  ];

  it('has vectors', () => {
    expect(Object.keys(primitives).length).toBeGreaterThanOrEqual(8);
    expect(examples.length).toBeGreaterThanOrEqual(20);
  });

  for (const [key, expected] of Object.entries(primitives)) {
    it(`primitive: ${key}`, () => {
      const check = checks.find(([pattern]) => pattern.test(key));
      expect(check, `no checker for primitive vector ${key}`).toBeDefined();
      check?.[1](key, expected);
    });
  }

  /** Named id lists of the stratified example (`LAB + LCD`). */
  const namedLists = new Map<string, string[]>();

  function interpretIdList(call: Record<string, Json>): string[] {
    if (Array.isArray(call.id_list)) return (call.id_list as Json[]).map((v) => formatPythonStr(toPython(v)));
    if (Array.isArray(call.id_list_as_python_str)) return call.id_list_as_python_str as string[];
    const source = String(call.id_list_python);
    const range = /^range\((\d+)\)$/.exec(source);
    if (range !== null) return Array.from({ length: Number(range[1]) }, (_, i) => String(i));
    const format = /^\['([^']*)\{\}'\.format\(i\) for i in range\((\d+)\)\]$/.exec(source);
    if (format !== null) {
      const list = Array.from({ length: Number(format[2]) }, (_, i) => `${format[1] ?? ''}${i}`);
      namedLists.set(`L${(format[1] ?? '').replace('-', '')}`, list);
      return list;
    }
    const union = /^(\w+) \+ (\w+)$/.exec(source);
    if (union !== null)
      return [...(namedLists.get(union[1] ?? '') ?? []), ...(namedLists.get(union[2] ?? '') ?? [])];
    throw new Error(`cannot interpret id list ${source}`);
  }

  /** Python ids in expected outputs are ints or strings; the sampler sees `str(id)`. */
  function normaliseExpected(expected: Json[], output: string): Json[] {
    if (output === 'tuple') {
      return expected.map((t) => {
        const [ticket, id, generation] = t as [string, Json, number];
        return [ticket, formatPythonStr(toPython(id)), generation];
      });
    }
    if (output === 'id') return expected.map((id) => formatPythonStr(toPython(id)));
    return expected;
  }

  for (const example of examples) {
    it(`sampler: ${String(example.where)}`, () => {
      const call = example.call as Record<string, Json>;
      const ids = interpretIdList(call);
      const expectedList = (example.expected ?? example.expected_as_python_str) as Json[];
      expect(Array.isArray(expectedList)).toBe(true);
      const output = String(call.output);
      const digits = typeof call.digits === 'number' ? call.digits : 9;
      const options = {
        withReplacement: call.with_replacement === true,
        drop: typeof call.drop === 'number' ? call.drop : 0,
        ...(typeof call.take === 'number' ? { take: call.take } : {}),
        digits,
      };
      let tuples: readonly TicketTuple[] = unwrap(sampleTuples(ids, String(call.seed), options));
      if (call.filter !== undefined) {
        const filterText = typeof call.filter === 'string' ? call.filter : JSON.stringify(call.filter);
        const filter = /^ticket_number_string < '([\d.]+)'/.exec(filterText);
        expect(filter, `cannot interpret filter ${filterText}`).not.toBeNull();
        const bound = filter?.[1] ?? '';
        tuples = tuples.filter((t) => t[0] < bound);
      }
      const actual: Json[] =
        output === 'tuple'
          ? tuples.map((t) => [...t])
          : output === 'id'
            ? tuples.map((t) => t[1])
            : output === 'ticket_number only'
              ? tuples.map((t) => t[0])
              : [`unknown output ${output}`];
      expect(actual).toEqual(normaliseExpected(expectedList, output));
    });
  }
});

describe.skipIf(!existsSync(arloPath))('arlo draw_sample snapshots (votingworks/arlo)', () => {
  const data = existsSync(arloPath) ? readJson(arloPath) : {};
  const seed = String(data.seed);
  const manifest = (data.manifest ?? {}) as Record<string, string>;
  const ballots: PythonValue[] = [];
  for (const [batch, range] of Object.entries(manifest)) {
    const [from = 0, to = 0] = range.split('..').map(Number);
    for (let position = from; position <= to; position++) ballots.push([batch, position]);
  }
  const ids = ballots.map(formatPythonStr);

  it('reads the seed as its UTF-8 bytes say', () => {
    expect(Buffer.from(seed, 'utf8').toString('hex')).toBe(data.seed_utf8_hex);
    expect(ids).toHaveLength(100);
    expect(ids[0]).toBe("('pct 1', 1)");
  });

  for (const [name, expected] of Object.entries((data.draw_sample ?? {}) as Record<string, Json[]>)) {
    it(`draw_sample: ${name}`, () => {
      const sizes = /sample_size=(\d+), num_sampled=(\d+)/.exec(name);
      expect(sizes, `cannot read sizes from ${name}`).not.toBeNull();
      const sampleSize = Number(sizes?.[1]);
      const numSampled = Number(sizes?.[2]);
      // arlo: sampler(ballots, seed, take=sample_size + num_sampled, with_replacement=True, digits=18)[num_sampled:]
      const drawn = unwrap(
        sampleTuples(ids, seed, { withReplacement: true, drop: numSampled, take: sampleSize, digits: 18 }),
      );
      const want = expected.map((t) => {
        const [ticket, id, generation] = t as [string, Json, number];
        return [ticket, formatPythonStr(toPython(id)), generation];
      });
      expect(drawn.map((t) => [...t])).toEqual(want);
    });
  }

  // PPEB draws pick batches with numpy's generator (not reproducible here), but their ticket numbers are consistent
  // sampler tickets: the k-th occurrence of a batch key carries trim(next_fraction(previous trimmed ticket), 18),
  // the first trim(first_fraction(str(key), seed), 18). Check every ticket of every snapshot that way.
  const ppeb = (data.ppeb_snapshots_numpy_dependent ?? {}) as Record<string, Json>;
  for (const [name, snapshot] of Object.entries(ppeb)) {
    if (name === 'warning') continue;
    it(`ppeb ticket numbers: ${name}`, () => {
      // A "… 2" snapshot of a multi-round test continues the "… 1" draw (arlo counts earlier rounds' keys).
      const previousName = name.replace(/ (\d+)$/, (_, n: string) => ` ${Number(n) - 1}`);
      const previous =
        name.startsWith('test_draw_more_macro_sample') &&
        previousName !== name &&
        Array.isArray(ppeb[previousName])
          ? (ppeb[previousName] as Json[])
          : [];
      const chains = new Map<string, Ticket>();
      const check = (entries: Json[], compare: boolean): void => {
        for (const entry of entries) {
          const [ticket, key] = entry as [string, Json];
          const id = formatPythonStr(toPython(key));
          const last = chains.get(id);
          const next: Ticket =
            last === undefined
              ? createFirstTicket(id, seed)
              : createNextTicket({ ...last, ticketNumber: trimTicketNumber(last.ticketNumber, 18) });
          chains.set(id, next);
          if (compare) expect(formatTicketTuple(next, 18)[0], `${id} #${next.generation}`).toBe(ticket);
        }
      };
      check(previous, false);
      check(snapshot as Json[], true);
    });
  }
});
