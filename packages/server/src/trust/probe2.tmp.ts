import { readFileSync } from 'node:fs';
import { SYSTEM_ACTOR } from '../audit/audit-log.ts';
import { importInspectors } from '../features/imports/import-inspectors.ts';
import { previewRegisterFile } from '../features/imports/preview-register-file.ts';
import { prepareDatabase } from '../start-server.ts';
import { createTestDatabase } from '../testing/test-database.ts';
const file = process.argv[2] ?? '';
const bytes = readFileSync(file);
const db = await createTestDatabase();
await prepareDatabase(db, { demo: false });
let t = Date.now();
try { console.log('preview', (await previewRegisterFile({ fileName: 'x.xlsx', bytes }, 'inspectors')) !== null, Date.now() - t); } catch (e) { console.log('preview threw', String(e).slice(0, 200), Date.now() - t); }
setInterval(() => console.log('tick', Date.now() - t), 2000).unref();
t = Date.now();
for (const skipInvalid of [false, true]) {
  const r = await importInspectors(db.db, SYSTEM_ACTOR, { fileName: 'x.xlsx', bytes }, { skipInvalid, defaultRegion: '140525' });
  console.log('import', skipInvalid, r.stored, r.rows, r.issues.slice(0, 2), Date.now() - t);
}
await db.close();
