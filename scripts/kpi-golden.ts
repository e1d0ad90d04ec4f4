// `npx tsx scripts/kpi-golden.ts`: writes the hashes of `npm run kpi`'s output on the S, M and L
// demo files (tests/fixtures/kpi-output/golden.json), which tests/unit/kpi-output.test.ts
// checks. Run it only when a change is meant to change the figures.
import { writeFileSync } from 'node:fs';
import { outputHashes, SIZES } from '../tests/unit/kpi-output-cases';

const golden: Record<string, Record<string, string>> = {};
for (const size of SIZES) golden[size] = outputHashes(size);
writeFileSync('tests/fixtures/kpi-output/golden.json', JSON.stringify(golden, null, '\t') + '\n');
console.log('kpi-golden: wrote tests/fixtures/kpi-output/golden.json');
