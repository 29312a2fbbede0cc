import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

describe('splitSentences', () => {
  it('ends sentences at . ! ? and …', () => {
    expect(splitSentences('The calendar is ready. Could you approve it? Thanks! More soon…')).toEqual([
      'The calendar is ready.',
      'Could you approve it?',
      'Thanks!',
      'More soon…',
    ]);
  });

  it('keeps English and Hungarian abbreviations inside the sentence', () => {
    expect(splitSentences('Send assets, e.g. the logo and photos. Mr. Smith agreed.')).toEqual([
      'Send assets, e.g. the logo and photos.',
      'Mr. Smith agreed.',
    ]);
    expect(splitSentences('Küldj anyagokat, pl. logót, fotót stb. Dr. Kovács is kéri. A kampány kb. 3 hétig fut.')).toEqual([
      'Küldj anyagokat, pl. logót, fotót stb.',
      'Dr. Kovács is kéri.',
      'A kampány kb. 3 hétig fut.',
    ]);
    expect(splitSentences('The call is at 5 p.m. today. See you.')).toEqual(['The call is at 5 p.m. today.', 'See you.']);
  });

  it('keeps decimals, times and Hungarian dates whole', () => {
    expect(splitSentences('Reach grew 1.5 times. Call at 10.30 please.')).toEqual(['Reach grew 1.5 times.', 'Call at 10.30 please.']);
    expect(splitSentences('2024. 03. 05-én küldtük ki a számlát. Megkaptad?')).toEqual([
      '2024. 03. 05-én küldtük ki a számlát.',
      'Megkaptad?',
    ]);
    expect(splitSentences('A határidő 2024. március 5. Kérlek, figyelj rá.')).toEqual([
      'A határidő 2024. március 5.',
      'Kérlek, figyelj rá.',
    ]);
    expect(splitSentences('A 3. poszt csúszik. Jó így?')).toEqual(['A 3. poszt csúszik.', 'Jó így?']);
  });

  it('keeps URLs and e-mail addresses intact, including their ? and .', () => {
    expect(splitSentences('Preview: https://example.com/p?id=42&x=1. Write to anna.kiss@example.co.uk. Thanks')).toEqual([
      'Preview: https://example.com/p?id=42&x=1.',
      'Write to anna.kiss@example.co.uk.',
      'Thanks',
    ]);
    expect(splitSentences('See www.example.com/a.b?c=d for details')).toEqual(['See www.example.com/a.b?c=d for details']);
  });

  it('keeps a quoted question inside the sentence that reports it', () => {
    expect(splitSentences('"Can we post daily?" she asked. We said yes.')).toEqual(['"Can we post daily?" she asked.', 'We said yes.']);
    expect(splitSentences('„Mikor lesz kész?” – kérdezted. Holnap.')).toEqual(['„Mikor lesz kész?” – kérdezted.', 'Holnap.']);
  });

  it('ends sentences at paragraph breaks, list items and short lines, and joins hard-wrapped prose', () => {
    const body = [
      'Hi Anna,',
      '',
      'Could you send the logo',
      'Thanks',
      '',
      'We have prepared the calendar for next month and the first three posts are',
      'already scheduled in the tool.',
      '- Post one goes live on Monday',
      '- Post two on Wednesday',
      '1. Approve the texts',
      '2) Send the photos',
    ].join('\r\n');
    expect(splitSentences(body)).toEqual([
      'Hi Anna,',
      'Could you send the logo',
      'Thanks',
      'We have prepared the calendar for next month and the first three posts are already scheduled in the tool.',
      'Post one goes live on Monday',
      'Post two on Wednesday',
      'Approve the texts',
      'Send the photos',
    ]);
  });

  it('drops pieces without letters or digits and returns nothing for empty text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\n -- \n 🙂 ')).toEqual([]);
    expect(splitSentences('Mehet? 🙂')).toEqual(['Mehet?']);
  });

  it('treats "???" as one terminator', () => {
    expect(splitSentences('2000 likes??? Amazing.')).toEqual(['2000 likes???', 'Amazing.']);
  });
});
