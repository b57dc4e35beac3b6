export type {
  Inspector,
  InspectorCertificate,
  InspectorStatus,
  Licence,
  ObjectKind,
  ObjectStatus,
  RegisterFlag,
  RegisterObject,
  RiskClass,
  RiskClassChange,
} from './register-types.ts';
export { OBJECT_KIND_NAMES, OBJECT_KINDS } from './register-types.ts';
export { findCategory, OBJECT_CATEGORIES } from './categories.ts';
export type { CategoryMembership, CategoryTag, ObjectCategory } from './categories.ts';
export { findCategoryMatches, findPlaceMatches, normaliseScopeText } from './find-keywords.ts';
export type { CategoryMatch, KeywordMatch, PlaceMatch } from './find-keywords.ts';
export { suggestPopulationRule } from './suggest-population.ts';
export type { PopulationFilters, PopulationRule } from './suggest-population.ts';
export { compilePopulationRule, isInCategory, matchesPopulation } from './matches-population.ts';
export type { PopulationPredicate } from './matches-population.ts';
export { splitPopulationRule } from './split-population-rule.ts';
export type {
  PopulationGroupKey,
  PopulationObjectFacts,
  SplitPopulationRule,
} from './split-population-rule.ts';
export {
  collectNamedObjects,
  DEMO_REFERENCE_DATE,
  generateDemoRegister,
  MAX_DEMO_OBJECTS,
} from './demo-register.ts';
export type {
  DemoRegister,
  DemoRegisterOptions,
  DemoRegisterProblem,
  NamedObjectSpec,
} from './demo-register.ts';
export { computeMinimumObjectCount, REGION_WEIGHTS } from './demo-layout.ts';
export type { LayoutProblem, RegisterCell } from './demo-layout.ts';
export { minimumInspectorCount } from './demo-inspectors.ts';
export { createSeededRandom, hashTextToState } from './seeded-random.ts';
export type { RandomState, SeededRandom } from './seeded-random.ts';
