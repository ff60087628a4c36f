#!/usr/bin/env node
// Fails the console build when the JavaScript a browser must load before the first page
// (index.html's scripts and everything they import statically) exceeds the budget, gzipped.
// Angular's own budgets count raw bytes only; the promise we keep is about what travels.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');

const [dir = 'dist/apps/console/browser', budgetKb = '300'] = process.argv.slice(2);
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((match) => match[1]);
const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([\w.-]+\.js)["']/g;

const initial = new Set();
const pending = [...entries];
while (pending.length > 0) {
  const file = pending.pop();
  if (initial.has(file)) continue;
  initial.add(file);
  for (const match of readFileSync(join(dir, file), 'utf8').matchAll(STATIC_IMPORT)) pending.push(match[1]);
}

let total = 0;
for (const file of initial) {
  const size = gzipSync(readFileSync(join(dir, file))).length;
  total += size;
  console.log(`${file.padEnd(28)} ${(size / 1024).toFixed(1).padStart(7)} KB gzip`);
}
const limit = Number(budgetKb) * 1024;
console.log(`Initial JavaScript: ${(total / 1024).toFixed(1)} KB gzip of a ${budgetKb} KB budget (${initial.size} files).`);
if (total > limit) {
  console.error(`Over budget by ${((total - limit) / 1024).toFixed(1)} KB: move code behind a lazy route.`);
  process.exit(1);
}
