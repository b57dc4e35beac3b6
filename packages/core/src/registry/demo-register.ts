/**
 * The deterministic demo register (一单两库 for a city like 晋城): objects and inspectors from a seed.
 *
 * Memory: objects are not held. Each object is generated from its own random stream (derived from the seed and its
 * position), so `objectAt(i)` is random access and `iterateObjectChunks()` streams 200,000 objects in chunks; only
 * the cell layout (~1,300 cells) and the inspectors (~3,000) are kept. Same seed and options → identical output.
 */
import { assert, err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { CITY_REGION_CODE } from '../region/regions.ts';
import { findCategory } from './categories.ts';
import { composeObject, composePersonName, findPlaces } from './compose-object.ts';
import type { ComposeContext } from './compose-object.ts';
import { findCell, layOutRegister } from './demo-layout.ts';
import type { RegisterCell } from './demo-layout.ts';
import { generateDemoInspectors, minimumInspectorCount } from './demo-inspectors.ts';
import { createIndexPermutation } from './index-permutation.ts';
import type { IndexPermutation } from './index-permutation.ts';
import { createSeededRandom, deriveState, hashTextToState } from './seeded-random.ts';
import type { Inspector, RegisterObject } from './register-types.ts';
import type { PopulationRule } from './suggest-population.ts';

/** The plan year's start: the demo register is a snapshot as of this date. */
export const DEMO_REFERENCE_DATE = '2023-03-01';

/** An object a plan names explicitly (a project or facility), added to the register so its frame is not empty. */
export interface NamedObjectSpec {
  readonly name: string;
  readonly regionCode: string;
  readonly kind: 'project' | 'facility';
  readonly categoryCodes: readonly string[];
}

export interface DemoRegisterOptions {
  readonly seed: string;
  /** Generated objects (named objects come on top); default 200,000. */
  readonly objectCount?: number;
  /** Default 3,000. */
  readonly inspectorCount?: number;
  /** Snapshot date (YYYY-MM-DD); default {@link DEMO_REFERENCE_DATE}. */
  readonly asOf?: string;
  /** Objects the plan names (see {@link collectNamedObjects}), appended after the generated ones. */
  readonly namedObjects?: readonly NamedObjectSpec[];
}

export type DemoRegisterProblem =
  | { readonly kind: 'empty-seed' }
  | { readonly kind: 'too-few-objects'; readonly requested: number; readonly minimum: number }
  | { readonly kind: 'too-many-objects'; readonly requested: number; readonly maximum: number }
  | { readonly kind: 'too-few-inspectors'; readonly requested: number; readonly minimum: number }
  | { readonly kind: 'bad-date'; readonly asOf: string };

export interface DemoRegister {
  readonly seed: string;
  readonly asOf: string;
  /** Total objects, named ones included. */
  readonly objectCount: number;
  readonly cells: readonly RegisterCell[];
  /** The object at position 0 ≤ index < objectCount. */
  objectAt(index: number): RegisterObject;
  /** Every object in order, `chunkSize` (default 5,000) at a time; each call starts again from the first. */
  iterateObjectChunks(chunkSize?: number): Generator<RegisterObject[]>;
  /** Every object in order, one at a time. */
  iterateObjects(): Generator<RegisterObject>;
  readonly inspectors: readonly Inspector[];
}

/** Largest register: positions must stay inside the 8-digit code spaces. */
export const MAX_DEMO_OBJECTS = 10_000_000;

/** The named objects of explicit rules (one per name and rule), for {@link DemoRegisterOptions.namedObjects}. */
export function collectNamedObjects(rules: readonly PopulationRule[]): NamedObjectSpec[] {
  const specs: NamedObjectSpec[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!rule.explicit) continue;
    for (const name of rule.explicitNames) {
      const regionCode = rule.regionCodes[0] ?? CITY_REGION_CODE;
      const key = `${regionCode}/${name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const kind = /工程|项目/.test(name) ? 'project' : 'facility';
      specs.push({ name, regionCode, kind, categoryCodes: rule.categoryCodes });
    }
  }
  return specs;
}

export function generateDemoRegister(
  options: DemoRegisterOptions,
): Result<DemoRegister, DemoRegisterProblem> {
  const { seed } = options;
  if (seed === '') return err({ kind: 'empty-seed' });
  const asOf = options.asOf ?? DEMO_REFERENCE_DATE;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return err({ kind: 'bad-date', asOf });
  const generated = options.objectCount ?? 200_000;
  if (generated > MAX_DEMO_OBJECTS) {
    return err({ kind: 'too-many-objects', requested: generated, maximum: MAX_DEMO_OBJECTS });
  }
  const layout = layOutRegister(generated);
  if (!layout.ok) return layout;
  const inspectorCount = options.inspectorCount ?? 3_000;
  const minimumInspectors = minimumInspectorCount();
  if (!Number.isInteger(inspectorCount) || inspectorCount < minimumInspectors) {
    return err({ kind: 'too-few-inspectors', requested: inspectorCount, minimum: minimumInspectors });
  }

  const base = hashTextToState(`ssj-demo-register|${seed}|objects`);
  const keyOf = (label: string): readonly [number, number, number, number] =>
    hashTextToState(`ssj-demo-register|${seed}|${label}`);
  const namePermutations = new Map<number, IndexPermutation>();
  const context: ComposeContext = {
    asOf,
    newBodies: createIndexPermutation(keyOf('new-bodies'), 31 ** 6),
    oldBodies: createIndexPermutation(keyOf('old-bodies'), 10 ** 8),
    registrationNumbers: createIndexPermutation(keyOf('registration-numbers'), 10 ** 8),
    namesOf: (cell, size) => {
      let permutation = namePermutations.get(cell.start);
      if (permutation === undefined) {
        permutation = createIndexPermutation(keyOf(`names|${cell.start}`), size);
        namePermutations.set(cell.start, permutation);
      }
      return permutation;
    },
  };
  const cells = layout.value;
  const named = options.namedObjects ?? [];
  const objectCount = generated + named.length;

  const composeNamed = (spec: NamedObjectSpec, position: number): RegisterObject => {
    const random = createSeededRandom(deriveState(base, generated + position));
    const sequence = String(9001 + position).padStart(4, '0');
    const category = findCategory(spec.categoryCodes[0] ?? '');
    return {
      id: `${spec.kind === 'project' ? 'P' : 'F'}-${spec.regionCode}-${sequence}`,
      uscc: null,
      regNo: null,
      name: spec.name,
      kind: spec.kind,
      categoryCodes: [...spec.categoryCodes],
      flags: [],
      regionCode: spec.regionCode,
      address: findPlaces(spec.regionCode).countyPrefix,
      businessScope: category?.businessScope ?? spec.name,
      registeredCapital: null,
      establishedOn: `${String(Number(asOf.slice(0, 4)) - 1)}-09-01`,
      status: '存续',
      legalRepresentative: composePersonName(random),
      licences: [],
      riskClass: 'B',
      riskClassHistory: [{ class: 'B', on: `${asOf.slice(0, 7)}-01` }],
    };
  };

  const objectAt = (index: number): RegisterObject => {
    if (index >= generated) {
      const spec = named[index - generated];
      assert(spec !== undefined, `objectAt: ${index} is not in 0..${objectCount - 1}`);
      return composeNamed(spec, index - generated);
    }
    const cell = findCell(cells, index);
    assert(cell !== undefined, `objectAt: ${index} is not in 0..${objectCount - 1}`);
    return composeObject(createSeededRandom(deriveState(base, index)), context, cell, index);
  };

  function* iterateObjectChunks(chunkSize = 5_000): Generator<RegisterObject[]> {
    let chunk: RegisterObject[] = [];
    for (let i = 0; i < objectCount; i++) {
      chunk.push(objectAt(i));
      if (chunk.length >= chunkSize) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  }
  function* iterateObjects(): Generator<RegisterObject> {
    for (let i = 0; i < objectCount; i++) yield objectAt(i);
  }

  const inspectors = generateDemoInspectors({
    seed,
    count: inspectorCount,
    asOf,
    cells,
    objectAt,
  });
  return ok({ seed, asOf, objectCount, cells, objectAt, iterateObjectChunks, iterateObjects, inspectors });
}
