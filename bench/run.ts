/**
 * `npm run bench [-- --only GROUP] [--json FILE]`: runs the benchmark groups and prints one table.
 * Each issue adds its group here.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchBundles } from './bundles';
import { benchCanvas } from './canvas';
import { benchDurability } from './durability';
import { formatTable, type Figure } from './figures';
import { benchPilots } from './pilots';
import { benchPortfolio } from './portfolio';
import { benchProjects } from './projects';
import { benchWorkshop } from './workshop';

const GROUPS: Record<string, () => Promise<Figure[]>> = {
  projects: benchProjects,
  portfolio: benchPortfolio,
  durability: benchDurability,
  pilots: benchPilots,
  bundles: benchBundles,
  canvas: benchCanvas,
  workshop: benchWorkshop,
};

async function main() {
  const { values } = parseArgs({ options: { only: { type: 'string' }, json: { type: 'string' } } });
  if (values.only && !GROUPS[values.only]) {
    process.stderr.write(`Unknown group "${values.only}". Groups: ${Object.keys(GROUPS).join(', ')}.\n`);
    process.exit(2);
  }
  const figures: Figure[] = [];
  for (const [name, run] of Object.entries(GROUPS)) {
    if (values.only && values.only !== name) continue;
    figures.push(...(await run()));
  }
  process.stdout.write(formatTable(figures) + '\n');
  if (values.json) writeFileSync(values.json, JSON.stringify(figures, null, 2) + '\n');
}

void main();
