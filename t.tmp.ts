import { Command } from 'commander';
import { registerCalendarCommand } from './packages/cli/src/commands/calendar.ts';
const p = new Command(); registerCalendarCommand(p);
await p.parseAsync(['node', 'ssj', ...process.argv.slice(2)]);
