import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoTopology } from './demo';

/** Regenerates seeds/demo.json from the builders (`tsx src/emulator/seeds/writeDemo.ts`); a unit test checks they agree. */
export const demoJson = (): string => `${JSON.stringify(buildDemoTopology(), null, 2)}\n`;

if (process.argv[1]?.endsWith('writeDemo.ts')) writeFileSync(join(__dirname, 'demo.json'), demoJson());
