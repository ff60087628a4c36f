import type { AuditLogFigures, Variant } from './audit-log.bench';
import { formatRow } from './measure';

const MB = 1024 * 1024;

/** The markdown tables of `npm run bench -- --audit-log`, as docs/benchmarks.md shows them. */
export function auditLogReport(figures: AuditLogFigures): string[] {
  const { exports, verify, catchUp, appends, proofs } = figures;
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const rounds = (values: readonly number[]) => values.map((value) => value.toFixed(0)).join(', ');
  const baseline = mean(exports.raw.perSecond);
  const lines = [
    `${figures.events} events in the store, ${figures.leaves} leaves exported (the checkpoint's size)${figures.writeSeconds === null ? '' : `; the store was written in ${figures.writeSeconds.toFixed(0)} s`}`,
    `rounds (events/s): raw ${rounds(exports.raw.perSecond)}; NDJSON ${rounds(exports.ndjson.perSecond)}; OCSF ${rounds(exports.ocsf.perSecond)}; HTTP NDJSON ${rounds(exports.http.perSecond)}; HTTP OCSF ${rounds(exports.httpOcsf.perSecond)}; bundle ${rounds(exports.bundle.perSecond)}`,
    verify ? `rounds (records/s): verify-export ${rounds(verify.verifier.perSecond)}; SHA-256 ${rounds(verify.sha256.perSecond)}` : 'verify-export: not built, not measured',
    `rounds (events/s): catch-up ${rounds(catchUp.writer.perSecond)}; raw read + parse ${rounds(catchUp.raw.perSecond)}`,
    '',
    '| benchmark | Keyward | baseline | ratio | goal |',
    '| --- | --- | --- | --- | --- |',
    formatRow('ExportLines → NDJSON (export workers), in process, vs raw read + JSON.parse + JSON.stringify of the same events', mean(exports.ndjson.perSecond), baseline, 0.5, 'events/s'),
    formatRow('ExportLines → OCSF (export workers), in process, vs the same baseline', mean(exports.ocsf.perSecond), baseline, 0.5, 'events/s'),
    formatRow('GET /exports/audit-log (NDJSON over HTTP, the real server) vs the same baseline', mean(exports.http.perSecond), baseline, 0.5, 'events/s'),
    formatRow('GET /exports/audit-log?format=ocsf (OCSF over HTTP, the real server) vs the same baseline', mean(exports.httpOcsf.perSecond), baseline, 0.5, 'events/s'),
    formatRow('GET /exports/bundle?kind=audit-log (NDJSON + CSV + OCSF, proofs, ZIP) vs the same baseline', mean(exports.bundle.perSecond), baseline, 0.5, 'events/s'),
    ...(verify ? [formatRow(`verify-export of that bundle (${(verify.verifier.bytes / MB).toFixed(0)} MiB) vs SHA-256 (node:crypto) of the same file`, mean(verify.verifier.perSecond), mean(verify.sha256.perSecond), null, 'records/s')] : []),
    formatRow('audit-log writer catching up from an empty log vs raw read + JSON.parse of the same events', mean(catchUp.writer.perSecond), mean(catchUp.raw.perSecond), null, 'events/s'),
    formatRow('single-event appends with the audit-log writer live in the process vs without it, 1 at a time', mean(appends.sequential.withLog), mean(appends.sequential.withoutLog), null, 'appends/s'),
    formatRow('the same, 8 at a time', mean(appends.concurrent.withLog), mean(appends.concurrent.withoutLog), null, 'appends/s'),
    '',
    '| the same, by CPU time of the working process (steadier on a shared machine) | Keyward | baseline | ratio |',
    '| --- | --- | --- | --- |',
    cpuRow('ExportLines → NDJSON (the child, its workers included) vs raw read + parse + stringify (a child)', exports.ndjson, exports.raw),
    cpuRow('ExportLines → OCSF (the child, its workers included)', exports.ocsf, exports.raw),
    cpuRow('GET /exports/audit-log (the server)', exports.http, exports.raw),
    cpuRow('GET /exports/audit-log?format=ocsf (the server)', exports.httpOcsf, exports.raw),
    cpuRow('GET /exports/bundle (the server, deflate threads included)', exports.bundle, exports.raw),
    ...(verify ? [cpuRow('verify-export (the process) vs SHA-256 of the file', verify.verifier, verify.sha256)] : []),
    cpuRow('writer catch-up (the child) vs raw read + parse (a child)', catchUp.writer, catchUp.raw),
    '',
    `after a live round the log held every event within ${Math.max(...appends.sequential.settleMs, ...appends.concurrent.settleMs).toFixed(0)} ms`,
    '',
    '| export | process | resident at start | peak (first half / last half of the export) | growth | goal: growth < 200 MB |',
    '| --- | --- | --- | --- | --- | --- |',
    memoryRow('ExportLines → NDJSON', 'a child of its own, with its workers', exports.ndjson),
    memoryRow('ExportLines → OCSF', 'a child of its own, with its workers', exports.ocsf),
    memoryRow('raw read + parse + stringify (baseline)', 'a child of its own', exports.raw),
    memoryRow('GET /exports/audit-log', 'the server', exports.http),
    memoryRow('GET /exports/audit-log?format=ocsf', 'the server', exports.httpOcsf),
    memoryRow('GET /exports/bundle', 'the server', exports.bundle),
    ...(verify ? [memoryRow('verify-export', 'node dist/tools/keyward.mjs (all of it)', verify.verifier)] : []),
    '',
    `Proofs over a tree of ${proofs.leaves} synthetic leaves (appendLeaves into a Map: ${proofs.tiles} tiles, ${(proofs.tileBytes / MB).toFixed(0)} MiB; ` +
      `${proofs.appendPerSecond.toFixed(0)} leaves/s, against ${proofs.accumulatePerSecond.toFixed(0)} leaves/s for the root alone through MerkleAccumulator): tile reads of a fresh TreeReader per proof (hashes in the proof)`,
    '',
    '| tree size | inclusion proofs: leaf → reads (hashes) | consistency proofs: old size → reads (hashes) | range proof of 1,000 leaves |',
    '| --- | --- | --- | --- |',
    ...proofs.bySize.map(
      ({ size, inclusion, consistency, rangeOfThousand }) =>
        `| ${size} | ${inclusion.map((each) => `${each.at} → ${each.tileReads} (${each.hashes})`).join(', ')} | ${consistency.map((each) => `${each.at} → ${each.tileReads} (${each.hashes})`).join(', ')} | ${rangeOfThousand.tileReads} (${rangeOfThousand.hashes}) |`,
    ),
  ];
  return lines;
}

function cpuRow(name: string, candidate: Variant, baseline: Variant): string {
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const [keyward, base] = [mean(candidate.perCpuSecond), mean(baseline.perCpuSecond)];
  return `| ${name} | ${keyward.toFixed(0)} events/CPU-s | ${base.toFixed(0)} events/CPU-s | ${(keyward / base).toFixed(2)} |`;
}

function memoryRow(name: string, process: string, variant: Variant): string {
  const memory = variant.memory;
  if (!memory) return `| ${name} | ${process} | — | — | — | — |`;
  const growth = memory.peakBytes - memory.startBytes;
  const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
  return `| ${name} | ${process} | ${mb(memory.startBytes)} | ${mb(memory.peakBytes)} (${mb(memory.firstHalfPeakBytes)} / ${mb(memory.lastHalfPeakBytes)}) | ${mb(growth)} | ${growth < 200 * MB ? 'met' : '**not met**'} |`;
}
