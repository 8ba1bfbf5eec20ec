// Runs one jasmine suite (compiled specs under dist/) and writes its totals to a JSON file, so that
// scripts/test.mjs can add up every suite into the single `N passed, N failed` line.
import Jasmine from 'jasmine';
import { writeFileSync } from 'node:fs';

const [resultsFile, ...specFiles] = process.argv.slice(2);
const runner = new Jasmine();
runner.exitOnCompletion = false;
runner.loadConfig({
  spec_dir: 'dist',
  spec_files: specFiles,
  helpers: ['tests/support/jasmine-helpers.js'],
  env: { random: true, stopSpecOnExpectationFailure: false },
});
const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
runner.addReporter({
  specDone(result) {
    if (result.status === 'passed') totals.passed += 1;
    else if (result.status === 'failed') {
      totals.failed += 1;
      totals.failures.push(result.fullName);
    } else totals.skipped += 1;
  },
  suiteDone(result) {
    // An error thrown in beforeAll/afterAll fails the suite without failing a spec: count it.
    if (result.status === 'failed') {
      totals.failed += 1;
      totals.failures.push(`${result.fullName} (suite)`);
    }
  },
});
const outcome = await runner.execute();
if (outcome.overallStatus === 'incomplete' && totals.failed === 0) {
  totals.failed += 1;
  totals.failures.push(`suite incomplete: ${outcome.incompleteReason}`);
}
writeFileSync(resultsFile, JSON.stringify(totals));
process.exit(0);
