/** One section of the `npm run bench` report. */
export interface BenchSection {
  title: string;
  rows: Array<[string, string]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function printReport(sections: BenchSection[]): void {
  const width = Math.max(...sections.flatMap((section) => section.rows.map(([label]) => label.length)), 10);
  const lines = ['WeCom Live benchmark report', `node ${process.version}, ${new Date().toISOString()}`, ''];
  for (const section of sections) {
    lines.push(`## ${section.title}`);
    for (const [label, value] of section.rows) lines.push(`  ${label.padEnd(width)}  ${value}`);
    lines.push('');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
