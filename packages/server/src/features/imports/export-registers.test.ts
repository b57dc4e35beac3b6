import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreviewDto } from '../../api-types.ts';
import { buildMultipart } from '../../testing/multipart.ts';
import { createTestApp, logInAs, type LoggedIn, type TestApp } from '../../testing/test-app.ts';

const PASSWORD = 'Demo2023ssj';

describe('register exports in the layout the importers read back', () => {
  let t: TestApp;
  let office: LoggedIn;
  let zezhou: LoggedIn;

  beforeAll(async () => {
    t = await createTestApp({ demoObjects: 1000 });
    office = await logInAs(t.app, 'office', PASSWORD);
    zezhou = await logInAs(t.app, 'zezhou-scjg', PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (who: LoggedIn, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

  it.each(['objects', 'inspectors'] as const)(
    'exports %s, and the import preview maps every column of the export by itself',
    async (kind) => {
      const res = await get(zezhou, `/api/registers/${kind}/export.xlsx`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const table = kind === 'objects' ? 'objects' : 'inspectors';
      const count = await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('region_code', '=', '140525')
        .executeTakeFirstOrThrow();
      const upload = buildMultipart({}, [
        {
          field: 'file',
          fileName: `${kind}.xlsx`,
          contentType: 'application/octet-stream',
          bytes: res.rawPayload,
        },
      ]);
      const preview = await t.app.inject({
        method: 'POST',
        url: `/api/imports/${kind}/preview`,
        headers: { cookie: zezhou.cookie, 'x-csrf-token': zezhou.csrfToken, ...upload.headers },
        payload: upload.payload,
      });
      expect(preview.statusCode, preview.body).toBe(200);
      const dto = preview.json<ImportPreviewDto>();
      expect(dto.missing).toEqual([]);
      const mapped = Object.values(dto.mapping).filter((c) => c !== null);
      expect(new Set(mapped).size).toBe(dto.headers.filter((h) => h !== '').length);
      expect(dto.sampleRows.length).toBe(Math.min(20, Number(count.n)));
    },
  );

  it('keeps a county to its own region and never exports the sealed risk class', async () => {
    expect((await get(zezhou, '/api/registers/objects/export.xlsx?region=140522')).statusCode).toBe(403);
    const all = await get(office, '/api/registers/objects/export.xlsx');
    expect(all.statusCode).toBe(200);
    expect(all.rawPayload.toString('latin1')).not.toContain('riskClass');
    expect((await get(office, '/api/registers/items/export.xlsx')).statusCode).toBe(200);
  });
});
