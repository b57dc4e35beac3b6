import type { Migration } from 'kysely';
import * as foundation from './2026-11-27T09-00-00-foundation.ts';
import * as planChanges from './2026-11-27T10-00-00-plan-changes.ts';
import * as registers from './2026-11-27T11-00-00-registers.ts';
import * as draws from './2026-11-27T12-00-00-draws.ts';
import * as items from './2026-11-27T13-00-00-items.ts';
import * as redraws from './2026-11-27T14-00-00-redraws.ts';
import * as inspections from './2026-11-27T16-00-00-inspections.ts';
import * as resultSearch from './2026-11-27T16-30-00-result-search.ts';
import * as oversight from './2026-11-27T17-00-00-oversight.ts';
import * as riskModels from './2026-11-27T18-00-00-risk-models.ts';
import * as nameKeyCollation from './2026-11-27T19-00-00-name-key-collation.ts';
import * as drawStorage from './2026-11-27T20-00-00-draw-storage.ts';
import * as publicResults from './2026-11-28T00-00-00-public-results.ts';
import * as codeCollation from './2026-11-28T01-00-00-code-collation.ts';
import * as sealedStrataLabels from './2026-11-28T02-00-00-sealed-strata-labels.ts';
import * as registerLine from './2026-11-28T03-00-00-register-line.ts';
import * as drawValuesUncompressed from './2026-11-28T04-00-00-draw-values-uncompressed.ts';
import * as drawTargetReferences from './2026-11-28T05-00-00-draw-target-references.ts';

/**
 * Every migration, keyed by its timestamped name. Forward-only: append, never edit or reorder.
 * Listed in code (not read from a folder) so the CLI runs the same set from any working directory.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '2026-11-27T09-00-00-foundation': foundation,
  '2026-11-27T10-00-00-plan-changes': planChanges,
  '2026-11-27T11-00-00-registers': registers,
  '2026-11-27T12-00-00-draws': draws,
  '2026-11-27T13-00-00-items': items,
  '2026-11-27T14-00-00-redraws': redraws,
  '2026-11-27T16-00-00-inspections': inspections,
  '2026-11-27T16-30-00-result-search': resultSearch,
  '2026-11-27T17-00-00-oversight': oversight,
  '2026-11-27T18-00-00-risk-models': riskModels,
  '2026-11-27T19-00-00-name-key-collation': nameKeyCollation,
  '2026-11-27T20-00-00-draw-storage': drawStorage,
  '2026-11-28T00-00-00-public-results': publicResults,
  '2026-11-28T01-00-00-code-collation': codeCollation,
  '2026-11-28T02-00-00-sealed-strata-labels': sealedStrataLabels,
  '2026-11-28T03-00-00-register-line': registerLine,
  '2026-11-28T04-00-00-draw-values-uncompressed': drawValuesUncompressed,
  '2026-11-28T05-00-00-draw-target-references': drawTargetReferences,
};
