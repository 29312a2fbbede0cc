import { describe, expect, it } from 'vitest';
import { findUnsafeSlots } from './html-slot-context';

describe('findUnsafeSlots', () => {
  it('accepts text, quoted harmless attributes and conditional comments', () => {
    expect(findUnsafeSlots('<p title="{{a}}">{{b}}</p><!--[if mso]><td>{{c}}</td><![endif]--><title>{{subject}}</title>')).toEqual([]);
  });

  it('refuses code, URL and unquoted attribute positions and raw-text elements', () => {
    const html = [
      '<a href="{{a}}">x</a>',
      '<td style="color:{{b}}">x</td>',
      '<img onload="{{c}}">',
      '<p title={{d}}>x</p>',
      '<style>.x{color:{{e}}}</style>',
      '<script>var x = "{{f}}"</script>',
    ].join('');
    expect(findUnsafeSlots(html).map((problem) => problem.split(' ')[0])).toEqual(['{{a}}', '{{b}}', '{{c}}', '{{d}}', '{{e}}', '{{f}}']);
  });
});
