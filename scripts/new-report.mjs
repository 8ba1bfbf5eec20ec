// `npm run new-report -- <id> [--dir <folder>]`: writes a working report folder `<folder>/<id>/report.json`
// from a template (docs/report-plugins.md). <folder> defaults to the demo's reports folder
// (~/.wecom-live-demo/reports, the data dir of `npm run demo`), so 重新扫描 on its 报表 page finds it.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ options: { dir: { type: 'string' } }, allowPositionals: true });
const id = positionals[0];
if (id === undefined || !/^[a-z][a-z0-9-]{1,40}$/.test(id)) {
  console.error('用法：npm run new-report -- <报表 id> [--dir <报表文件夹>]');
  console.error('报表 id 只能包含小写字母、数字和连字符，并以字母开头，例如 my-report。');
  process.exit(2);
}
// npm runs scripts in the package folder; a relative --dir is meant from where the command was typed.
const base = process.env.INIT_CWD ?? process.cwd();
const parent =
  values.dir === undefined
    ? join(homedir(), '.wecom-live-demo', 'reports')
    : isAbsolute(values.dir)
      ? values.dir
      : resolve(base, values.dir);
const folder = join(parent, id);
if (existsSync(folder)) {
  console.error(`${folder} 已存在：换一个 id，或先删除它。`);
  process.exit(1);
}

const report = {
  id,
  version: '1.0.0',
  engine: '^1.0.0',
  title: '新报表',
  description: '每场直播的观众、受邀观众与签到人数（模板：按需修改 SQL、列、图表和工作表）。',
  icon: 'bar_chart',
  tier: 'user',
  parameters: [
    { name: 'range', label: '直播开始日期', type: 'dateRange', default: { from: '-30d', to: 'today' } },
  ],
  queries: [
    {
      id: 'lives',
      sql: [
        'select l.theme, l.livingid, l.start_at, l.viewers_stored,',
        '  (select count(*) from report_v1_viewers v where v.live_id = l.live_id and v.inviter_id is not null) as invited,',
        '  (select count(*) from report_v1_viewers v where v.live_id = l.live_id and v.checked_in = 1) as checked_in',
        'from report_v1_lives l',
        'where l.start_at >= :range_from and l.start_at < :range_to',
        'order by l.start_at desc',
      ].join('\n'),
    },
  ],
  table: {
    query: 'lives',
    columns: [
      { key: 'theme', label: '直播主题' },
      { key: 'start_at', label: '开始时间', format: 'datetime' },
      { key: 'viewers_stored', label: '观众', format: 'integer' },
      { key: 'invited', label: '受邀观众', format: 'integer' },
      { key: 'checked_in', label: '签到观众', format: 'integer' },
    ],
    sort: { key: 'start_at', direction: 'desc' },
    pageSize: 20,
  },
  charts: [
    {
      id: 'viewers',
      title: '每场直播的观众',
      query: 'lives',
      option: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: ['观众', '签到观众'] },
        grid: { left: 16, right: 16, bottom: 8, top: 40, containLabel: true },
        xAxis: {
          type: 'category',
          data: '$col:theme',
          axisLabel: { rotate: 30, width: 90, overflow: 'truncate' },
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: '观众', type: 'bar', data: '$col:viewers_stored' },
          { name: '签到观众', type: 'bar', data: '$col:checked_in' },
        ],
      },
    },
  ],
  export: { sheets: [{ name: '直播', query: 'lives' }], analysisSheet: '分析' },
};

mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`已创建 ${join(folder, 'report.json')}`);
console.log(`检查：npm run check-report -- ${folder}`);
console.log('然后以超级管理员登录，在 系统设置 → 报表 中点击「重新扫描」并启用它。');
