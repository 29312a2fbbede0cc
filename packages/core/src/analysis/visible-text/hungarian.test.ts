import { describe, expect, it } from 'vitest';
import { extractVisibleText } from './index';

/**
 * Hungarian formats, built from the header templates observed in real mail
 * (../shared/corpora/hungarian-quote-headers-observed/patterns.json), the Outlook (hu) labels
 * and what Hungarian phones and people write at the end of a message.
 */
const reply = 'Rendben, holnap délig elküldöm a javított tervet.';
const quoted = '> Mikor tudod küldeni a javított tervet?\n>\n> Anna';

function visible(text: string) {
  return extractVisibleText({ text });
}

describe('Hungarian quote headers', () => {
  it.each([
    ['Thunderbird, older', '2013.01.31. 12:59 keltezéssel, Kovács Anna írta:'],
    ['Thunderbird, newer (spaces after the dots)', '2024. 06. 02. 0:12 keltezéssel, Kovács Anna írta:'],
    ['Thunderbird, quoted name with the õ/ő mix-up', '2013.02.08. 7:31 keltezéssel, "Gyõrvári Eszter" írta:'],
    ['ProtonMail-style, month name and weekday', '2021. február 2., kedd 0:47 keltezéssel, Kovács Anna írta:'],
    ['ProtonMail-style with address', '2020. november 14., szombat 16:01 keltezéssel, Kovács Anna <anna@example.hu> írta:'],
    ['Gmail', 'Kovács Anna <anna@example.hu> ezt írta (időpont: 2020. jún. 3., Sze, 10:11):'],
    ['Gmail, wrapped after "időpont:"', 'Kovács Anna <anna@example.hu> ezt írta (időpont:\n2020. jún. 3., Sze, 10:11):'],
    ['older desktop client', '2003-12-28, v keltezéssel anna@example.hu ezt írta:'],
    ['"dátummal" form', '2024. márc. 5., kedd 10:12 dátummal Kovács Anna <anna@x.hu> ezt írta:'],
    ['Gmail with abbreviated weekday', 'Kovács Anna <anna@x.hu> ezt írta (időpont: 2024. márc. 5., K, 10:12):'],
    ['Thunderbird with dotted date', '2024.03.05. 10:12 keltezéssel, Kovács Anna írta:'],
  ])('%s: the header and the > quote below it go', (_client, header) => {
    expect(visible(`${reply}\n\n${header}\n${quoted}\n`)).toEqual({ text: reply, removed: ['quote'], notes: [] });
  });

  it('a header followed by the old message without > markers cuts everything below', () => {
    const text = `${reply}\n\n2024. 06. 02. 0:12 keltezéssel, Kovács Anna írta:\n\nMikor tudod küldeni?\nAnna\n`;
    expect(visible(text)).toEqual({ text: reply, removed: ['quote'], notes: [] });
  });

  it('recognises headers typed with decomposed accents (NFD) and in capitals', () => {
    const header = '2024.03.05. 10:12 keltezéssel, Kovács Anna írta:'.normalize('NFD');
    expect(visible(`${reply}\n\n${header}\n${quoted}`).text).toBe(reply);
    expect(visible(`${reply}\n\nKOVÁCS ANNA <ANNA@X.HU> EZT ÍRTA (IDŐPONT: 2024. MÁRC. 5., K, 10:12):\n${quoted}`).text).toBe(reply);
  });

  it('the same text decoded from ISO-8859-2 and windows-1250 bytes gives the same result', () => {
    // "árvíztűrő" has ő/ű, which exist in Latin-2 and windows-1250 but not in Latin-1.
    const bytes = Uint8Array.from([0xe1, 0x72, 0x76, 0xed, 0x7a, 0x74, 0xfb, 0x72, 0xf5]);
    for (const charset of ['iso-8859-2', 'windows-1250']) {
      const word = new TextDecoder(charset).decode(bytes);
      expect(word).toBe('árvíztűrő');
      expect(visible(`${word} tükörfúrógép\n\n2013.01.31. 12:59 keltezéssel, Kovács Anna írta:\n> régi`).text).toBe(
        'árvíztűrő tükörfúrógép',
      );
    }
  });
});

describe('Hungarian Outlook blocks, separators and forwards', () => {
  it('cuts at the Feladó / Elküldve / Címzett / Másolatot kap / Tárgy block', () => {
    const text = [
      'Jóváhagyom, mehet a nyomdába.',
      '',
      '________________________________',
      'Feladó: Kovács Anna <anna@example.hu>',
      'Elküldve: 2024. március 5., kedd 10:11',
      'Címzett: Nagy Péter <peter@example.hu>',
      'Másolatot kap: Szabó Éva <eva@example.hu>',
      'Tárgy: RE: Árajánlat',
      '',
      'Kérlek, hagyd jóvá a tervet.',
    ].join('\r\n');
    expect(visible(text)).toEqual({ text: 'Jóváhagyom, mehet a nyomdába.', removed: ['quote'], notes: [] });
  });

  it('cuts at "-----Eredeti üzenet-----"', () => {
    expect(visible('Köszi, megkaptam.\n\n-----Eredeti üzenet-----\nFeladó: Anna\nTárgy: számla\n\nCsatolom.').text).toBe(
      'Köszi, megkaptam.',
    );
  });

  it('removes a forwarded message below "Továbbított levél"', () => {
    const text =
      'Ezt nézd meg, kérlek.\n\n---------- Továbbított levél ---------\nFeladó: Kovács Anna <anna@example.hu>\nDátum: 2024. márc. 5., K 10:12\nTárgy: Határidő\n\nPéntekig kell.';
    expect(visible(text)).toEqual({ text: 'Ezt nézd meg, kérlek.', removed: ['forward_header'], notes: [] });
  });

  it('keeps a single "Feladó:" line and an "írta:" without date or address: they are prose', () => {
    const text = 'Feladó: a könyvelő, nem én.\n\nAhogy Anna írta:\nA határidő péntek.';
    expect(visible(text)).toEqual({ text, removed: [], notes: [] });
  });
});

describe('Hungarian footers, closings and notices', () => {
  it.each([['Küldve iPhone-ról'], ['Az iPhone-omról küldve'], ['Küldve a Samsung Galaxy okostelefonomról']])(
    'removes the phone footer "%s"',
    (footer) => {
      expect(visible(`Rendben.\n\n${footer}`)).toEqual({ text: 'Rendben.', removed: ['mobile_footer'], notes: [] });
    },
  );

  it.each([
    ['Üdvözlettel,\nKovács Anna'],
    ['Köszönöm,\nNóra'],
    ['Tisztelettel:\nDr. Nagy Péter\nügyvezető\n+36 30 123 4567\nwww.example.hu'],
    ['Üdv,\nPéter'],
    ['Köszönettel és üdvözlettel:\nSzabó Éva\nKreatív Kft.'],
  ])('removes the closing block %j', (closing) => {
    expect(visible(`Kérlek, küldd el a számlát péntekig.\n\n${closing}`)).toEqual({
      text: 'Kérlek, küldd el a számlát péntekig.',
      removed: ['signature'],
      notes: [],
    });
  });

  it('keeps thanks that are the message, and a closing that is all there is', () => {
    expect(visible('Köszönöm a gyors választ!').text).toBe('Köszönöm a gyors választ!');
    expect(visible('Köszönöm,\nNóra').text).toBe('Köszönöm,\nNóra');
  });

  it('removes a Hungarian confidentiality notice at the end', () => {
    const text = [
      'A szerződést aláírva csatoltam.',
      '',
      'Ez az e-mail és mellékletei bizalmas információkat tartalmazhatnak, és kizárólag a címzett részére szólnak.',
      'Amennyiben nem Ön a címzett, kérjük, értesítse a feladót és törölje az üzenetet.',
    ].join('\n');
    expect(visible(text)).toEqual({ text: 'A szerződést aláírva csatoltam.', removed: ['disclaimer'], notes: [] });
  });
});
