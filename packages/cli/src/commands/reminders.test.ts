import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSsj } from '../testing/run-ssj.ts';

// The embedded database only: with DATABASE_URL the command would write to the shared PostgreSQL database.
describe.skipIf(process.env['DATABASE_URL'] !== undefined && process.env['DATABASE_URL'] !== '')(
  'ssj reminders run',
  () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-reminders-test-'));
    const env = { SSJ_DATA_DIR: dataDir, DATABASE_URL: '' };
    afterAll(() => {
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('runs the day’s reminders and reports what it wrote; refuses a bad date with exit code 2', async () => {
      const bad = await runSsj(['reminders', 'run', '--date', '2023-02-30'], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--date must be a date YYYY-MM-DD');
      const ran = await runSsj(['reminders', 'run', '--date', '2023-07-10', '--json'], env);
      expect(ran.stderr).toBe('');
      expect(ran.code).toBe(0);
      expect(JSON.parse(ran.stdout)).toEqual({
        today: '2023-07-10',
        created: 0,
        byKind: { window_open: 0, deadline_near: 0, deadline_due: 0, overdue: 0, year_end: 0, digest: 0 },
      });
    });
  },
);
