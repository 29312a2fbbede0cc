import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from './html-entities';
import { htmlToText } from './html-to-text';

describe('htmlToText', () => {
  it('turns blocks into lines, paragraphs into blank-line separated blocks, <br> into a line break', () => {
    expect(htmlToText('<div>Hi Anna,</div><div><br></div><div>Could you send the invoice?</div><div>Thanks<br>Bence</div>')).toBe(
      'Hi Anna,\n\nCould you send the invoice?\nThanks\nBence',
    );
    expect(htmlToText('<p>One</p><p>Two</p><h1>Title</h1>text')).toBe('One\n\nTwo\n\nTitle\n\ntext');
    expect(htmlToText('a<br/>b<BR>c</br>d')).toBe('a\nb\nc\nd');
  });

  it('collapses whitespace like a browser, but keeps <pre> as written', () => {
    expect(htmlToText('  Hello \n\t  world  &nbsp; again ')).toBe('Hello world again');
    expect(htmlToText('<b>bold</b><i>italic</i> <span>x</span>')).toBe('bolditalic x');
    expect(htmlToText('<pre>  indented\n    code\r\n</pre>after')).toBe('  indented\n    code\n\nafter');
  });

  it('collapses runs of empty blocks into one blank line and trims the ends', () => {
    expect(htmlToText('<br><br><p>&nbsp;</p>a<br><br><br><br><div></div><p></p>b<br><br>')).toBe('a\n\nb');
  });

  it('drops script, style, head, title, comments and conditional comments', () => {
    const html = `<!DOCTYPE html><html><head><title>T</title><meta charset="utf-8"><style>p { color: red }</style></head>
      <body><!-- a comment with <p>markup</p> --><!--[if mso]><p>outlook only</p><![endif]-->
      <script type="text/javascript">if (a < b) { document.write("</p>x") }</script>
      <p>Visible</p><STYLE>.x{}</STYLE><noscript>no</noscript>text</body></html>`;
    expect(htmlToText(html)).toBe('Visible\n\ntext');
    expect(htmlToText('<script>alert(1)</script >ok')).toBe('ok');
    expect(htmlToText('<!---->a<!-->b')).toBe('ab');
  });

  it('decodes named and numeric entities, including Hungarian letters', () => {
    expect(htmlToText('&aacute;rv&iacute;zt&udblac;r&odblac; t&uuml;k&ouml;rf&uacute;r&oacute;g&eacute;p')).toBe('árvíztűrő tükörfúrógép');
    expect(htmlToText('&#337;&#x171; &#X1F600; &lt;tag&gt; &amp;&quot;&apos; &euro;5 &copy')).toBe('őű 😀 <tag> &"\' €5 ©');
    expect(htmlToText('&#128;&#0;&#xD800;&#99999999999;')).toBe('€\uFFFD\uFFFD\uFFFD');
    expect(htmlToText('&unknown; &amp x&ampy')).toBe('&unknown; & x&y');
  });

  it('marks quoted blockquotes with ">" and keeps their content; plain indents get no marker', () => {
    const reply = `<div>Sounds good.</div><div class="gmail_quote"><div>On Mon, Anna wrote:</div>
      <blockquote class="gmail_quote" style="margin:0 0 0 .8ex"><div>Can we meet?</div>
      <blockquote type="cite">Older <b>text</b><p>second para</p></blockquote></blockquote></div>`;
    expect(htmlToText(reply)).toBe('Sounds good.\nOn Mon, Anna wrote:\n\n> Can we meet?\n>\n>> Older text\n>>\n>> second para');
    expect(htmlToText('<p>Intro</p><blockquote style="margin:0 0 0 40px;border:none">indented by me</blockquote>')).toBe(
      'Intro\n\nindented by me',
    );
  });

  it('renders lists and tables readably', () => {
    expect(htmlToText('<ul><li>first</li><li>second</li><li></li></ul>after')).toBe('- first\n- second\n\nafter');
    // A <p> inside an item is a paragraph (a "loose" list), so the item gets a blank line like in a browser.
    expect(htmlToText('<ol><li><p>one</p></li><li><p>two</p></li></ol>')).toBe('- one\n\n- two');
    expect(htmlToText('<table><tr><td>Invoice</td><td>2024-001</td></tr><tr><th>Total</th><td>100 EUR</td></tr></table>')).toBe(
      'Invoice 2024-001\nTotal 100 EUR',
    );
  });

  it('copes with broken markup', () => {
    expect(htmlToText('<a href="x>y" title=\'a>b\'>link</a> text')).toBe('link text');
    expect(htmlToText('a < b and c > d')).toBe('a < b and c > d');
    expect(htmlToText('before<div class="unterminated')).toBe('before');
    expect(htmlToText('x<a href="never closed>y</a> z')).toBe('xy z');
    expect(htmlToText('x<!-- never closed')).toBe('x');
    expect(htmlToText('<p>unclosed<div>blocks')).toBe('unclosed\nblocks');
    expect(htmlToText('')).toBe('');
  });

  it('keeps emoji and right-to-left text untouched', () => {
    expect(htmlToText('<p>👍🏽 👨‍👩‍👧 done</p>')).toBe('👍🏽 👨‍👩‍👧 done');
    expect(htmlToText('<div dir="rtl">שלום עולם &rlm;123</div><div>مرحبا</div>')).toBe('שלום עולם \u200f123\nمرحبا');
  });

  it('runs in linear time on pathological input (no ReDoS, no quadratic rescans)', () => {
    const cases = [
      '<a x="'.repeat(200_000),
      "<a b='>".repeat(200_000),
      '<!--'.repeat(300_000),
      `<script>${'</scrip'.repeat(200_000)}`,
      '&#'.repeat(500_000),
      '&aacute'.repeat(200_000),
      '<'.repeat(1_000_000),
      '<blockquote type=cite>'.repeat(100_000),
      `<pre>${'\n'.repeat(1_000_000)}</pre>`,
      ' '.repeat(2_000_000),
    ];
    for (const html of cases) {
      const started = performance.now();
      htmlToText(html);
      expect(performance.now() - started, html.slice(0, 20)).toBeLessThan(5_000);
    }
  });

  it('never throws, and never lets script content through', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (noise) => {
        const out = htmlToText(`${noise}<script>SECRET</script>${noise}`);
        return typeof out === 'string';
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('<', '>', '"', "'", '=', '/', '!', '-', 'p', 'br', ' ', '&', '#', ';', 'a')), (parts) => {
        htmlToText(parts.join(''));
      }),
      { numRuns: 500 },
    );
    expect(htmlToText('a<script>SECRET</script>b')).toBe('ab');
  });
});

describe('decodeEntities', () => {
  it('is a no-op without "&"', () => {
    expect(decodeEntities('plain text')).toBe('plain text');
  });
});
