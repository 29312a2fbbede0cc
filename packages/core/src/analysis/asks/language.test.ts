import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('reads Hungarian from accented letters and function words', () => {
    expect(detectLanguage('Kérlek, hagyd jóvá a posztokat csütörtökig.')).toBe('hu');
    expect(detectLanguage('Mehet?')).toBe('hu');
    expect(detectLanguage('Értem.')).toBe('hu');
  });

  it('reads Hungarian typed without accents', () => {
    expect(detectLanguage('Kerlek kuldd at a fotokat holnapig, koszi')).toBe('hu');
    expect(detectLanguage('Mikor tudnank beszelni a kampanyrol?')).toBe('hu');
  });

  it('reads English', () => {
    expect(detectLanguage('Could you approve the posts for next week by Thursday?')).toBe('en');
    expect(detectLanguage('Sounds good.')).toBe('en');
  });

  it('lets the locale hint break ties only', () => {
    expect(detectLanguage('Instagram Facebook TikTok', 'hu-HU')).toBe('hu');
    expect(detectLanguage('Instagram Facebook TikTok', 'en-GB')).toBe('en');
    expect(detectLanguage('Instagram Facebook TikTok')).toBe('en');
    expect(detectLanguage('', 'hu')).toBe('hu');
    expect(detectLanguage('Could you send the logo?', 'hu-HU')).toBe('en');
    expect(detectLanguage('Küldenéd a logót?', 'en-US')).toBe('hu');
  });
});
