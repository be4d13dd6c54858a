import { expect } from '@open-wc/testing';
import { render } from 'lit';
import {
  MAX_BLOCKS,
  MAX_DEPTH,
  MAX_MARKDOWN_LENGTH,
  parseInline,
  parseMarkdown,
  renderMarkdown,
  safeHref,
  type MarkdownOptions,
} from '../../src/widgets/markdown.js';

/** Renders into a fresh element and returns it. */
function rendered(source: string, options?: MarkdownOptions): HTMLElement {
  const host = document.createElement('div');
  render(renderMarkdown(source, options), host);
  return host;
}

/** The rendered HTML without Lit's comment markers and with whitespace between tags removed. */
function markup(source: string, options?: MarkdownOptions): string {
  return rendered(source, options)
    .innerHTML.replace(/<!--[^>]*-->/g, '')
    .replace(/>\s+</g, '><')
    .replace(/\s+>/g, '>')
    .trim();
}

describe('markdown: inline', () => {
  it('plain text stays one text node', () => {
    expect(parseInline('Hello, world.')).to.deep.equal(['Hello, world.']);
  });

  it('*em*, _em_ and **strong**', () => {
    expect(parseInline('a *b* c')).to.deep.equal(['a ', { type: 'em', children: ['b'] }, ' c']);
    expect(parseInline('a _b_ c')).to.deep.equal(['a ', { type: 'em', children: ['b'] }, ' c']);
    expect(parseInline('a **b c** d')).to.deep.equal([
      'a ',
      { type: 'strong', children: ['b c'] },
      ' d',
    ]);
    expect(markup('**Wichtig:** bitte *vollständig* ausfüllen')).to.equal(
      '<strong>Wichtig:</strong> bitte <em>vollständig</em> ausfüllen',
    );
  });

  it('nests emphasis inside strong', () => {
    expect(parseInline('**a *b* c**')).to.deep.equal([
      { type: 'strong', children: ['a ', { type: 'em', children: ['b'] }, ' c'] },
    ]);
  });

  it('leaves unmatched, spaced and intraword delimiters alone', () => {
    for (const text of [
      '2 * 3 * 4',
      '*not closed',
      'snake_case_name',
      'a__b__c',
      '__dunder__',
      'window.__pwned=1',
      '** spaced **',
      '* spaced *',
      'x*',
      '_',
      '**',
    ])
      expect(parseInline(text), text).to.deep.equal([text]);
  });

  it('backslash escapes make delimiters literal', () => {
    expect(parseInline('\\*not em\\*')).to.deep.equal(['*not em*']);
    expect(parseInline('\\[x](https://a.example)')).to.deep.equal(['[x](https://a.example)']);
    expect(parseInline('a\\b')).to.deep.equal(['a\\b']);
  });

  it('links to http, https and mailto', () => {
    expect(parseInline('see [the fees](https://example.org/fees) now')).to.deep.equal([
      'see ',
      { type: 'link', href: 'https://example.org/fees', children: ['the fees'] },
      ' now',
    ]);
    expect(parseInline('[mail](mailto:amt@example.org)')).to.deep.equal([
      { type: 'link', href: 'mailto:amt@example.org', children: ['mail'] },
    ]);
    expect(parseInline('[*em* link](http://example.org)')).to.deep.equal([
      {
        type: 'link',
        href: 'http://example.org/',
        children: [{ type: 'em', children: ['em'] }, ' link'],
      },
    ]);
  });

  it('any other link is shown as its source text', () => {
    for (const text of [
      '[click](javascript:alert(1))',
      '[click](JaVaScRiPt:alert(1))',
      '[click](data:text/html,<script>alert(1)</script>)',
      '[click](vbscript:msgbox)',
      '[click](/relative/path)',
      '[click](//example.org)',
      '[click](file:///etc/passwd)',
      '[click](https://exa mple.org)',
      '[click](java\tscript:alert(1))',
    ]) {
      const nodes = parseInline(text);
      expect(
        nodes.every((n) => typeof n === 'string'),
        text,
      ).to.equal(true);
      expect(nodes.join(''), text).to.equal(text);
      const host = rendered(text);
      expect(host.querySelector('a'), text).to.equal(null);
      expect(host.textContent, text).to.equal(text);
    }
  });

  it('no link inside a link; the innermost bracket starts the link', () => {
    expect(parseInline('[a [b](https://x.example)')).to.deep.equal([
      '[a ',
      { type: 'link', href: 'https://x.example/', children: ['b'] },
    ]);
    expect(parseInline('[](https://x.example)')).to.deep.equal(['[](https://x.example)']);
  });

  it(`stops nesting after ${MAX_DEPTH} levels (the rest is text)`, () => {
    expect(parseInline('*a*', MAX_DEPTH - 1)).to.deep.equal([{ type: 'em', children: ['a'] }]);
    expect(parseInline('*a* **b** [c](https://x.example)', MAX_DEPTH)).to.deep.equal([
      '*a* **b** [c](https://x.example)',
    ]);
    const host = rendered('**1 _2 *3 [4](https://x.example)* 2_ 1**');
    expect(host.querySelectorAll('strong > em > em > a').length).to.equal(1);
    expect(host.textContent).to.equal('1 2 3 4 2 1');
  });
});

describe('markdown: safeHref', () => {
  it('allows only absolute http, https and mailto URLs', () => {
    expect(safeHref('https://example.org/a?b=c#d')).to.equal('https://example.org/a?b=c#d');
    expect(safeHref('HTTP://EXAMPLE.ORG')).to.equal('http://example.org/');
    expect(safeHref('mailto:a@b.example')).to.equal('mailto:a@b.example');
    for (const url of [
      '',
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'jav&#x09;ascript:alert(1)',
      'data:text/html,x',
      'blob:https://example.org/x',
      'ftp://example.org',
      'relative',
      '/abs/path',
      'https://example.org/\u0000',
      'https://example.org/\nx',
    ])
      expect(safeHref(url), JSON.stringify(url)).to.equal(undefined);
  });
});

describe('markdown: blocks', () => {
  it('one paragraph renders inline; two render as <p>', () => {
    expect(markup('one line\nsoft break')).to.equal('one line\nsoft break');
    expect(markup('first\n\nsecond')).to.equal('<p>first</p><p>second</p>');
  });

  it('bulleted lists with - and *', () => {
    expect(parseMarkdown('Bring:\n- passport\n* *photo*')).to.deep.equal([
      { type: 'paragraph', children: ['Bring:'] },
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [['passport'], [{ type: 'em', children: ['photo'] }]],
      },
    ]);
    expect(markup('- a\n- b')).to.equal('<ul><li>a</li><li>b</li></ul>');
  });

  it('numbered lists keep their first number', () => {
    expect(markup('1. a\n2. b')).to.equal('<ol><li>a</li><li>b</li></ol>');
    expect(markup('3) c\n4) d')).to.equal('<ol start="3"><li>c</li><li>d</li></ol>');
  });

  it('a line after an item continues it; a blank line ends the list', () => {
    expect(parseMarkdown('- a\n  more\n\nafter')).to.deep.equal([
      { type: 'list', ordered: false, start: 1, items: [['a\nmore']] },
      { type: 'paragraph', children: ['after'] },
    ]);
  });

  it('switching between - and 1. starts a new list', () => {
    expect(markup('- a\n1. b')).to.equal('<ul><li>a</li></ul><ol><li>b</li></ol>');
  });

  it('headings, code, quotes, images and rules are plain text', () => {
    const text = '# Title\n> quote\n`code`\n![img](https://x.example/a.png)\n---';
    const host = rendered(text);
    expect(host.children.length, 'no elements but the link').to.equal(1);
    expect(host.querySelector('a')!.getAttribute('href')).to.equal('https://x.example/a.png');
    expect(host.querySelector('img, h1, code, blockquote, hr')).to.equal(null);
  });

  it('handles \\r\\n line ends', () => {
    expect(markup('a\r\n\r\nb')).to.equal('<p>a</p><p>b</p>');
  });
});

describe('markdown: rendering is text, never HTML', () => {
  const hostile = [
    '<script>window.__pwned=1</script>',
    '<img src=x onerror="window.__pwned=1">',
    '<svg onload="window.__pwned=1"></svg>',
    '**<b onmouseover="window.__pwned=1">x</b>**',
    '- <iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    '[<img src=x onerror=window.__pwned=1>](https://x.example)',
    '&lt;script&gt; &amp; &#60;',
  ];
  for (const text of hostile) {
    it(`shows ${JSON.stringify(text)} as text`, () => {
      const host = rendered(text);
      expect(host.querySelector('script, img, svg, iframe, b')).to.equal(null);
      expect(host.textContent).to.contain(
        text.replace(/^- |\*\*|\[|\]\(https:\/\/x\.example\)/g, ''),
      );
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  }
});

describe('markdown: links', () => {
  it('open in the same tab, with rel="noopener noreferrer"', () => {
    const link = rendered('[Gebühren](https://example.org/gebuehren)').querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://example.org/gebuehren');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(link.hasAttribute('target')).to.equal(false);
    expect(link.textContent).to.equal('Gebühren');
  });

  it('with newTabNotice: target=_blank and the notice in the link text (not for mailto)', () => {
    const host = rendered('[Fees](https://example.org) or [mail](mailto:a@b.example)', {
      newTabNotice: '(opens in a new tab)',
    });
    const [web, mail] = host.querySelectorAll('a');
    expect(web.getAttribute('target')).to.equal('_blank');
    expect(web.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(web.textContent!.replace(/\s+/g, ' ')).to.equal('Fees (opens in a new tab)');
    expect(web.querySelector('.visually-hidden')).to.exist;
    expect(mail.hasAttribute('target')).to.equal(false);
    expect(mail.textContent).to.equal('mail');
  });
});

describe('markdown: hostile sizes', () => {
  // Each would take seconds to minutes with a naive search for the closing delimiter.
  const cases: [string, string][] = [
    ['100 000 unmatched *', '*a '.repeat(33_334)],
    ['100 000 unmatched _', ' _a'.repeat(33_334)],
    ['100 000 unmatched **', '**a '.repeat(25_000)],
    ['nested [ before one ]( )', `${'['.repeat(100_000)}](https://x.example)`],
    ['many [x]( without )', '[x]('.repeat(25_000)],
    ['5 000 list items in 20 000 characters', '- a\n'.repeat(4_999)],
    ['25 000 list items in 100 000 characters', '- a\n'.repeat(25_000)],
    ['one 100 000-character word', 'x'.repeat(100_000)],
  ];
  for (const [name, text] of cases) {
    it(`${name}: parses and renders in well under a second`, () => {
      const start = performance.now();
      const host = rendered(text);
      const elapsed = performance.now() - start;
      expect(elapsed, `${elapsed.toFixed(0)} ms`).to.be.below(1000);
      expect(host.textContent!.length).to.be.greaterThan(0);
    });
  }

  it(`after ${MAX_BLOCKS} paragraphs and items, the rest is one plain paragraph`, () => {
    const blocks = parseMarkdown('- *a*\n'.repeat(MAX_BLOCKS + 10));
    expect(blocks).to.have.length(2);
    expect(blocks[0].type === 'list' && blocks[0].items.length).to.equal(MAX_BLOCKS);
    expect(blocks[1]).to.deep.equal({
      type: 'paragraph',
      children: ['- *a*\n'.repeat(10)],
    });
  });

  it(`a text longer than ${MAX_MARKDOWN_LENGTH} characters is plain text`, () => {
    const text = `*em* ${'x'.repeat(MAX_MARKDOWN_LENGTH)}`;
    expect(parseMarkdown(text)).to.deep.equal([{ type: 'paragraph', children: [text] }]);
    expect(parseMarkdown(text.slice(0, MAX_MARKDOWN_LENGTH))[0]).to.deep.include({
      type: 'paragraph',
    });
    expect(rendered(text.slice(0, 100)).querySelector('em')).to.exist;
  });

  it('lone surrogates and bidi controls pass through unchanged', () => {
    const text = 'a\uD800b\uDFFFc \u202Eevil\u202C \u2066iso\u2069 \u200B\uFEFF';
    expect(rendered(text).textContent).to.equal(text);
  });
});
