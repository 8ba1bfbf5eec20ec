import { scanSql } from './report-sql.js';

describe('scanSql', () => {
  it('finds named parameters and sources, not inside strings, quoted names or comments', () => {
    const scanned = scanSql(
      `select ':nope' as "a:b", x -- :comment\n from report_v1_viewers v join "report_v1_lives" l on 1 /* :c */ where a = :from and b = @to and c = $x`,
    );
    expect(scanned.parameters).toEqual(['from', 'to', 'x']);
    expect(scanned.sources).toEqual(['report_v1_viewers', 'report_v1_lives']);
    expect(scanned.positional).toBeFalse();
    expect(scanned.unterminated).toBeFalse();
  });

  it('sees schema qualifiers however they are quoted, positional parameters and unclosed text', () => {
    expect(scanSql('select * from "MAIN" . lives').qualifiers).toEqual(['main']);
    expect(scanSql('select * from [temp].x').qualifiers).toEqual(['temp']);
    expect(scanSql('select ?1').positional).toBeTrue();
    expect(scanSql("select 'abc").unterminated).toBeTrue();
    expect(scanSql('select 1e10, 0x1F as n').identifiers).toEqual(['select', 'as', 'n']);
  });
});
