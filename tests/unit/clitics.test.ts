import { describe, expect, it } from 'vitest';
import { cliticReadings } from '../../engine/text/clitics';
import { normalizeKey } from '../../engine/text/normalize';

// prettier-ignore
const PROCLITICS = [
  'وبال', 'فبال', 'وكال', 'فكال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال',
  'وب', 'فب', 'وك', 'فك', 'ول', 'فل', 'و', 'ف', 'ب', 'ك', 'ل',
];
const carriesArticle = (p: string) => p.includes('ال') || p.endsWith('لل');
const stems = (t: string) => cliticReadings(t).map((r) => r.stem);

describe('cliticReadings', () => {
  it('offers the whole token first', () => {
    expect(cliticReadings('روسيا')[0]).toEqual({ stem: 'روسيا', prefixLength: 0, article: false });
  });

  it('strips every proclitic of the list, flagging the article', () => {
    for (const p of PROCLITICS) {
      const token = p + 'روسيا';
      const reading = cliticReadings(token).find((r) => r.prefixLength === p.length && r.stem === 'روسيا');
      expect(reading, p).toBeDefined();
      expect(reading!.article, p).toBe(carriesArticle(p));
    }
  });

  it('tries longer proclitics before shorter ones', () => {
    expect(cliticReadings('والكرملين').map((r) => [r.stem, r.prefixLength, r.article])).toEqual([
      ['والكرملين', 0, false],
      ['كرملين', 3, true],
      ['الكرملين', 1, false],
    ]);
  });

  it('reads لل + name starting with ل as ل + name, without the article', () => {
    const readings = cliticReadings('للافروف');
    expect(readings).toContainEqual({ stem: 'لافروف', prefixLength: 1, article: false });
    expect(readings).toContainEqual({ stem: 'افروف', prefixLength: 2, article: true });
    expect(readings.filter((r) => r.stem === 'لافروف')).toHaveLength(1);
    expect(stems('وللافروف')).toContain('لافروف');
  });

  it('keeps names that begin with ل ب ف و whole as the first reading', () => {
    for (const name of ['لافروف', 'بوتين', 'فلاديمير', 'واشنطن']) expect(cliticReadings(name)[0].stem).toBe(name);
    expect(stems('ولافروف')).toContain('لافروف');
    expect(stems('وبوتين')).toContain('بوتين');
    expect(stems('وفلاديمير')).toContain('فلاديمير');
  });

  it('leaves at least 3 letters', () => {
    expect(stems('وبلد')).toEqual(['وبلد', 'بلد']); // وب + لد would leave 2
    expect(stems('والد')).toEqual(['والد', 'الد']); // وال + د would leave 1
    expect(stems('ولد')).toEqual(['ولد']);
    for (const t of ['وبالروسيا', 'للكرملين', 'فبلد'])
      for (const r of cliticReadings(t)) expect(r.stem.length).toBeGreaterThanOrEqual(3);
  });

  it('only applies to Arabic tokens', () => {
    expect(cliticReadings('wallace')).toEqual([{ stem: 'wallace', prefixLength: 0, article: false }]);
    expect(cliticReadings('2017')).toHaveLength(1);
  });

  it('works on normalized page tokens', () => {
    expect(stems(normalizeKey('وبإيران'))).toContain('ايران');
    expect(stems(normalizeKey('للخارجية'))).toContain('خارجيه');
  });
});
