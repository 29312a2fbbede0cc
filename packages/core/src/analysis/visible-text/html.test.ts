import { describe, expect, it } from 'vitest';
import { htmlToText } from './html/html-to-text';
import { extractVisibleText } from './index';
import { CUT_MARK, RULE_MARK } from './lines';

function fromHtml(html: string) {
  return extractVisibleText({ html });
}

describe('HTML structure cues', () => {
  it('Gmail: div.gmail_quote with its attribution', () => {
    const html =
      '<div dir="ltr">Works for me.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Tue, Mar 5, 2024 at 10:12 AM Anna &lt;<a href="mailto:a@example.com">a@example.com</a>&gt; wrote:<br></div><blockquote class="gmail_quote">Is Friday ok?</blockquote></div>';
    expect(fromHtml(html)).toEqual({ text: 'Works for me.', removed: ['quote'], notes: [] });
  });

  it('Apple Mail / Thunderbird: blockquote type=cite after a moz-cite-prefix attribution, reply below the quote kept', () => {
    const html =
      '<div class="moz-cite-prefix">On 05.03.2024 10:12, Anna wrote:<br></div><blockquote type="cite" cite="mid:x">Is Friday ok?</blockquote><p>Yes, Friday.</p>';
    expect(fromHtml(html)).toEqual({ text: 'Yes, Friday.', removed: ['quote'], notes: [] });
  });

  it('Outlook: #divRplyFwdMsg and #appendonsend cut everything below', () => {
    const rply =
      '<div>Approved.</div><hr style="display:inline-block"><div id="divRplyFwdMsg"><b>From:</b> Anna<br><b>Sent:</b> Tuesday</div><div>Old text</div>';
    expect(fromHtml(rply)).toEqual({ text: 'Approved.', removed: ['quote'], notes: [] });
    const append = '<div>Approved.</div><div id="appendonsend"></div><div>Anything below is history</div>';
    expect(fromHtml(append)).toEqual({ text: 'Approved.', removed: ['quote'], notes: [] });
  });

  it('Outlook desktop: a border-top div above a From:/Sent: block is a cut; one above ordinary text is not', () => {
    const border = 'style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"';
    const reply = `<p class="MsoNormal">Yes.</p><div ${border}><p><b>From:</b> Anna &lt;a@example.com&gt;<br><b>Sent:</b> Tuesday, March 5, 2024<br><b>To:</b> Peter</p></div><p>Old</p>`;
    expect(fromHtml(reply).text).toBe('Yes.');
    expect(fromHtml(`<p>Yes.</p><div ${border}><p>A boxed note.</p></div>`).text).toBe('Yes.\nA boxed note.');
  });

  it('a <hr> followed by a header line is a cut (talon: From and Date on one line)', () => {
    const html =
      'Reply<div><hr/><div><font><b>From: bob@example.com</b><b>Date: Thu, 24 Mar 2016 08:07:12 -0700</b></font></div><div>Quoted message</div></div>';
    expect(fromHtml(html)).toEqual({ text: 'Reply', removed: ['quote'], notes: [] });
  });

  it('Yahoo: yahoo_quoted container', () => {
    expect(fromHtml('<div>Sure.</div><div class="yahoo_quoted"><div>On Tuesday, Anna wrote:</div><div>Ok?</div></div>').text).toBe('Sure.');
  });

  it('the text body wins, but an HTML quote boundary the text lacks cuts it', () => {
    const text = 'Looks good, thanks.\nPlease see the notes below.\n\nAnna asked whether the logo can be bigger.\nShe needs it by Friday.';
    const html =
      '<p>Looks good, thanks.<br>Please see the notes below.</p><blockquote type="cite"><p>Anna asked whether the logo can be bigger.<br>She needs it by Friday.</p></blockquote>';
    expect(extractVisibleText({ text, html })).toEqual({
      text: 'Looks good, thanks.\nPlease see the notes below.',
      removed: ['quote'],
      notes: [],
    });
    // When the two disagree in wording, the plain text is kept as it is.
    expect(extractVisibleText({ text: 'Completely different words.', html }).text).toBe('Completely different words.');
  });
});

describe('HTML to text', () => {
  it('drops scripts, styles, comments and head titles; decodes entities; breaks lines at blocks and <br>', () => {
    const html =
      '<html><head><title>T</title><style>p{color:red}</style></head><body><script>alert(1)</script><!-- c --><p>A&amp;B&nbsp;&lt;x&gt; &#233;&#x151; &odblac;&constructor;</p><div>one<br>two</div><ul><li>item</li></ul></body></html>';
    expect(htmlToText(html).text).toBe('A&B <x> éő ő&constructor;\none\ntwo\n- item');
  });

  it('marks quote containers with "> ", keeps <pre> whitespace, and emits structure marks on their own lines', () => {
    expect(
      htmlToText('<p>a</p><blockquote>b<blockquote>c</blockquote></blockquote><pre>  x\n  y</pre><hr><div id="x_divRplyFwdMsg">z</div>')
        .text,
    ).toBe(`a\n> b\n> > c\n  x\n  y\n${RULE_MARK}\n${CUT_MARK}\nz`);
  });

  it('cannot be tricked into marks by the content itself', () => {
    expect(htmlToText(`<p>a${CUT_MARK}b${RULE_MARK}c</p>`).text).toBe('abc');
    expect(extractVisibleText({ text: `Keep me\n${CUT_MARK}\nand me` }).text).toBe('Keep me\n\nand me');
  });

  it('survives broken markup: unterminated tags, quotes and comments, stray brackets, deep nesting', () => {
    // An unterminated attribute quote ends at the next '>', so the rest of the mail is not lost.
    expect(htmlToText('a < b and <p class="x>never closed').text).toBe('a < b and\nnever closed');
    expect(htmlToText('before<!-- never closed').text).toBe('before');
    expect(htmlToText('x<div>y</span></div></blockquote>z').text).toBe('x\ny\nz');
    const deep = `${'<div>'.repeat(2000)}deep${'</div>'.repeat(2000)}`;
    expect(htmlToText(deep)).toEqual({ text: 'deep', deepNesting: true });
    expect(fromHtml(deep).notes).toEqual(['html nested deeper than 1024 elements; quotes below that depth were not marked']);
  });

  it('an HTML body that is only a quote has no visible text', () => {
    expect(fromHtml('<blockquote type="cite">Old message</blockquote>')).toEqual({ text: '', removed: ['quote'], notes: [] });
  });
});
