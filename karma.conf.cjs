// Karma for the Angular specs: Debian's Chromium headless (docs/architecture.md "Toolchain"), and a reporter that writes
// the totals to test-output/karma.json so `npm test` can add them to its one closing line.
const fs = require('node:fs');
const path = require('node:path');

process.env.CHROME_BIN = process.env.CHROME_BIN || '/usr/bin/chromium';

function TotalsReporter(baseReporterDecorator) {
  baseReporterDecorator(this);
  const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
  this.onSpecComplete = (_browser, result) => {
    if (result.skipped) totals.skipped += 1;
    else if (result.success) totals.passed += 1;
    else {
      totals.failed += 1;
      totals.failures.push([...result.suite, result.description].join(' '));
    }
  };
  this.onRunComplete = (_browsers, results) => {
    if (results.error && totals.failed === 0) {
      totals.failed += 1;
      totals.failures.push('karma run error (a spec file failed to load?)');
    }
    const file = process.env.KARMA_RESULTS_FILE || path.join('test-output', 'karma.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(totals));
  };
}
TotalsReporter.$inject = ['baseReporterDecorator'];

module.exports = function (config) {
  config.set({
    frameworks: ['jasmine'],
    plugins: [
      require('karma-jasmine'),
      require('karma-chrome-launcher'),
      { 'reporter:totals': ['type', TotalsReporter] },
    ],
    client: { jasmine: { random: true }, clearContext: false },
    reporters: ['progress', 'totals'],
    browsers: ['ChromeHeadlessCI'],
    customLaunchers: {
      ChromeHeadlessCI: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-dev-shm-usage',
        ],
      },
    },
    singleRun: true,
    autoWatch: false,
    browserNoActivityTimeout: 120000,
  });
};
