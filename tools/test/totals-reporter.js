// A jest reporter that writes the run's totals to tmp/test-totals/, one file per jest run, so
// tools/test/summary.js can print the plain "N passed, N failed" line that CI reads.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class TotalsReporter {
  onRunComplete(_contexts, results) {
    const dir = join(__dirname, '../../tmp/test-totals');
    mkdirSync(dir, { recursive: true });
    const totals = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    writeFileSync(join(dir, `${process.pid}-${Date.now()}.json`), JSON.stringify(totals));
  }
}

module.exports = TotalsReporter;
