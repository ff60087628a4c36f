// Adds up the totals every jest run of `npm test` wrote, and prints the plain closing line CI reads.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = join(__dirname, '../../tmp/test-totals');
const totals = { passed: 0, failed: 0, skipped: 0 };
let files = [];
try {
  files = readdirSync(dir).filter((name) => name.endsWith('.json'));
} catch {
  // no jest run finished
}
for (const name of files) {
  const run = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  for (const key of Object.keys(totals)) totals[key] += run[key];
}
const extraFailures = Number(process.argv[2] ?? 0);
console.log(`${totals.passed} passed, ${totals.failed + extraFailures} failed, ${totals.skipped} skipped`);
