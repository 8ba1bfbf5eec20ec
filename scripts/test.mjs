// `npm test`: lint, typecheck/build, then every test suite; ends with one line `N passed, N failed`
// (lint and typecheck count as one test each) and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const outDir = 'test-output';
mkdirSync(outDir, { recursive: true });
let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${label}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

function jasmineSuite(label, specGlobs, env = {}) {
  const resultsFile = join(outDir, `${label}.json`);
  rmSync(resultsFile, { force: true });
  run(label, process.execPath, ['scripts/run-jasmine.mjs', resultsFile, ...specGlobs], env);
  try {
    const totals = JSON.parse(readFileSync(resultsFile, 'utf8'));
    passed += totals.passed;
    failed += totals.failed;
    failures.push(...totals.failures.map((name) => `${label}: ${name}`));
    console.log(`=== ${label}: ${totals.passed} passed, ${totals.failed} failed`);
  } catch {
    failed += 1;
    failures.push(`${label}: the suite crashed before reporting`);
  }
}

/** The Angular specs in headless Chromium; karma.conf.cjs writes the totals. */
function karmaSuite() {
  const resultsFile = join(outDir, 'karma.json');
  rmSync(resultsFile, { force: true });
  run('karma', 'npx', ['--no-install', 'ng', 'test', '--no-progress'], {
    KARMA_RESULTS_FILE: resultsFile,
    TZ: 'Asia/Shanghai',
  });
  try {
    const totals = JSON.parse(readFileSync(resultsFile, 'utf8'));
    passed += totals.passed;
    failed += totals.failed;
    failures.push(...totals.failures.map((name) => `karma: ${name}`));
    console.log(`=== karma: ${totals.passed} passed, ${totals.failed} failed`);
  } catch {
    failed += 1;
    failures.push('karma: the suite crashed before reporting (did the UI build fail?)');
  }
}

check('lint', 'npx', ['--no-install', 'eslint', '.']);
check('format', 'npx', ['--no-install', 'prettier', '--check', '.']);
const built = run('typecheck+build', 'npm', ['run', '--silent', 'build']);
if (built) {
  passed += 1;
  jasmineSuite('node-specs', ['{host,sdk,plugins,tests}/**/*.spec.js'], { TZ: 'Asia/Shanghai' });
  karmaSuite();
} else {
  failed += 1;
  failures.push('typecheck+build (no suite could run)');
}

if (failures.length > 0) {
  console.log('\nFailures:');
  for (const name of failures) console.log(`  - ${name}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
