import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../../host/runtime/core/app-info.js';

// Every comment and doc cites only what a newcomer finds in this repository: docs/<file> (optionally with
// a section, `docs/architecture.md "Browser mode"`, the start of one of its headings) and requirement ids
// defined in docs/requirements.md. The project's original spec and the customer's documents live outside
// the repository; naming them (or their section numbers) leaves a reader with nothing to open.

const TEXT_FILE = /\.(ts|cts|mts|js|mjs|cjs|html|scss|md|json)$/;
const SKIPPED = new Set(['package-lock.json', 'tests/lint/doc-citations.spec.ts']);

/** What cites a document outside the repository. */
const OUTSIDE: readonly [RegExp, string][] = [
  [/\bARCHITECTURE\b/, 'the ARCHITECTURE spec'],
  [/\bMISSION\b/, 'the MISSION spec'],
  [/shared\/(spec|seeds)\b|\.\.\/seeds\b|\bseeds\//, 'a path into shared/'],
  [/\bseed\s+0\d\d\b/i, 'a seed document number'],
  [/§/, 'a section number of a document outside the repository'],
];

const DOC_CITATION = /\bdocs\/([\w./-]+\.(?:md|png|jpe?g|svg))(?: "([^"\n]+)")?/g;
const REQUIREMENT_ID = /\bR(\d+)(?:\.(\d+))?\b/g;

function repoFiles(root: string): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  return listed
    .split('\n')
    .filter((path) => TEXT_FILE.test(path) && !SKIPPED.has(path) && existsSync(join(root, path)));
}

/** The heading texts of a Markdown file, without their `#` marks. */
function headingsOf(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /^#{1,6}\s/.test(line))
    .map((line) => line.replace(/^#{1,6}\s+/, '').trim());
}

/** The ids docs/requirements.md defines: `## R4 …` headings and `- R4.6 …` items. */
function requirementIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const match of text.matchAll(/^(?:#{2,3} |- )(R\d+(?:\.\d+)?)\b/gm)) ids.add(match[1] ?? '');
  return ids;
}

export interface CitationProblem {
  file: string;
  line: number;
  problem: string;
}

/** The citation problems of one file's text; `docs` reads a docs/ file by its path (null: missing). */
export function citationProblems(
  file: string,
  text: string,
  docs: (path: string) => string | null,
  requirements: ReadonlySet<string>,
): CitationProblem[] {
  const problems: CitationProblem[] = [];
  text.split('\n').forEach((content, index) => {
    const line = index + 1;
    for (const [pattern, what] of OUTSIDE) {
      if (pattern.test(content)) problems.push({ file, line, problem: `cites ${what}: ${content.trim()}` });
    }
    for (const match of content.matchAll(DOC_CITATION)) {
      const path = `docs/${match[1] ?? ''}`;
      const doc = docs(path);
      if (doc === null) {
        problems.push({ file, line, problem: `cites ${path}, which does not exist` });
        continue;
      }
      const section = match[2];
      if (section !== undefined && path.endsWith('.md')) {
        if (!headingsOf(doc).some((heading) => heading.startsWith(section))) {
          problems.push({ file, line, problem: `cites ${path} "${section}", which has no such section` });
        }
      }
    }
    for (const match of content.matchAll(REQUIREMENT_ID)) {
      if (!requirements.has(match[0])) {
        problems.push({
          file,
          line,
          problem: `cites ${match[0]}, which docs/requirements.md does not define`,
        });
      }
    }
  });
  return problems;
}

describe('citations in code and docs', () => {
  const root = appRoot();
  const readDoc = (path: string): string | null =>
    existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : null;
  const requirements = requirementIds(readDoc('docs/requirements.md') ?? '');

  it('docs/requirements.md defines the requirement ids', () => {
    for (const id of ['R1', 'R1.5', 'R2.7', 'R4.6', 'R10.3', 'R11']) expect(requirements).toContain(id);
  });

  it('name only documents in the repository, and sections and requirement ids that exist', () => {
    const problems = repoFiles(root).flatMap((file) =>
      citationProblems(file, readFileSync(join(root, file), 'utf8'), readDoc, requirements),
    );
    expect(problems.map((p) => `${p.file}:${p.line} ${p.problem}`)).toEqual([]);
  });

  it('catches each kind of bad citation', () => {
    const docs = (path: string) => (path === 'docs/architecture.md' ? '# A\n\n## Browser mode (x)\n' : null);
    const ids = new Set(['R2.7']);
    const problems = (text: string) => citationProblems('x.ts', text, docs, ids).map((p) => p.problem);
    expect(problems('// see docs/architecture.md "Browser mode" and R2.7')).toEqual([]);
    expect(problems('// (ARCHITECTURE §5)').length).toBe(2);
    expect(problems('// MISSION R2.7')).toEqual([jasmine.stringContaining('MISSION')]);
    expect(problems('// seed 000 says so')).toEqual([jasmine.stringContaining('seed document')]);
    expect(problems('// ../shared/spec/x.md')).toEqual([jasmine.stringContaining('shared/')]);
    expect(problems('// docs/nothing.md')).toEqual([jasmine.stringContaining('does not exist')]);
    expect(problems('// docs/architecture.md "Electron"')).toEqual([
      jasmine.stringContaining('no such section'),
    ]);
    expect(problems('// R9.9')).toEqual([jasmine.stringContaining('does not define')]);
    // A simulator seed and a plugin's own shared/ folder are not citations.
    expect(problems("// seed 42\nimport { x } from '../shared/api.js';")).toEqual([]);
  });
});
