/**
 * Writes {passed, failed, skipped} of the browser run to a file, so scripts/test.sh can print one closing line.
 * Both groups' files count; a coverage figure under the threshold counts as one failure (the runner says which).
 */
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) totals.skipped += 1;
    else if (t.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const s of suite?.suites ?? []) count(s, totals);
}

export function countingReporter(file) {
  return {
    onTestRunFinished({ sessions, testCoverage }) {
      const totals = { passed: 0, failed: 0, skipped: 0, fileErrors: 0, coverageFailed: false };
      for (const session of sessions) {
        count(session.testResults, totals);
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.fileErrors += 1;
      }
      totals.coverageFailed = testCoverage?.passed === false;
      totals.failed += totals.fileErrors + (totals.coverageFailed ? 1 : 0);
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
