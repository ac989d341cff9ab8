// Date keys (engine/text/dates.ts): month names beside a day or a year, and nothing for words that
// happen to be names of an object's properties.
import { describe, expect, it } from 'vitest';
import { dateKeys } from '../../engine/text/dates';

describe('dateKeys', () => {
  it('reads a day and month, and a month and year', () => {
    expect([...dateKeys(['في', '26', 'يناير', '2021'])].sort()).toEqual(['d:01-26', 'm:2021-01']);
  });
  it('finds no month in words such as constructor or __proto__', () => {
    expect([...dateKeys(['12', 'constructor', '2020', '3', '__proto__', '4', 'toString', '2019'])]).toEqual([]);
  });
});
