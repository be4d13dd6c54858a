/**
 * Files: type (`ui:options.accept`) and size (`ui:options.maxSize`) are enforced before anything
 * is read, with clear messages; a refused file never enters memory. Every way to read a file
 * (FileReader, Blob methods) is watched.
 */
import { expect } from '@open-wc/testing';
import type { FormDefinition, IntakeForm } from '../../src/index.js';
import { collectErrors, control, errorText, renderForm } from '../helpers/form.js';

const MB = 1_000_000;

/** Records every read of a file's bytes, then lets it through. */
class ReadSpy {
  readonly reads: string[] = [];
  private readonly restore: (() => void)[] = [];

  constructor() {
    const spy = <T extends object>(target: T, method: keyof T & string, label: string) => {
      const original = target[method] as unknown as (...args: unknown[]) => unknown;
      const reads = this.reads;
      (target as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
        const blob = args[0] instanceof Blob ? args[0] : this;
        reads.push(`${label} ${blob instanceof File ? blob.name : 'blob'}`);
        return original.apply(this, args);
      };
      this.restore.push(() => ((target as Record<string, unknown>)[method] = original));
    };
    for (const method of [
      'readAsDataURL',
      'readAsArrayBuffer',
      'readAsText',
      'readAsBinaryString',
    ] as const)
      spy(FileReader.prototype, method, `FileReader.${method}`);
    for (const method of ['arrayBuffer', 'text', 'stream', 'slice', 'bytes'] as const) {
      if (method in Blob.prototype)
        spy(Blob.prototype, method as keyof Blob & string, `Blob.${method}`);
    }
  }

  stop(): void {
    this.restore.forEach((undo) => undo());
  }
}

function definition(accept: string | string[], maxSize: number, multiple = false): FormDefinition {
  return {
    id: 'files',
    lang: 'en',
    schema: {
      type: 'object',
      properties: {
        doc: multiple
          ? { type: 'array', title: 'Documents', items: { type: 'string', format: 'data-url' } }
          : { type: 'string', format: 'data-url', title: 'Document' },
      },
    },
    ui: { doc: { 'ui:options': { accept, maxSize } } },
  };
}

/** Chooses files in the control as a person would (the `change` event of `<input type=file>`). */
async function choose(el: IntakeForm, files: File[]): Promise<void> {
  const input = control(el, '/doc');
  const transfer = new DataTransfer();
  files.forEach((file) => transfer.items.add(file));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  // The widget reads asynchronously: give a read that should not happen the time to happen.
  await new Promise((resolve) => setTimeout(resolve, 100));
  await el.updateComplete;
}

/** A file of `size` zero bytes. */
function fileOfSize(name: string, type: string, size: number): File {
  return new File([new ArrayBuffer(size)], name, { type });
}

describe('files: type and size before reading', () => {
  let spy: ReadSpy;
  beforeEach(() => (spy = new ReadSpy()));
  afterEach(() => spy.stop());

  it('a 50 MB file with a 1 MB limit is refused without reading a byte', async () => {
    const errors = await collectErrors(async () => {
      const el = await renderForm(definition('.pdf,application/pdf', MB));
      await choose(el, [fileOfSize('scan.pdf', 'application/pdf', 50 * MB)]);
      expect(spy.reads).to.deep.equal([]);
      expect(errorText(el, '/doc')).to.match(/scan\.pdf.*(too large|larger).*1 MB/i);
      expect(el.value).to.deep.equal({});
      expect(control(el, '/doc').value, 'the choice is cleared').to.equal('');
    });
    expect(errors).to.deep.equal([]);
  });

  it('one byte over the limit is refused; exactly the limit is read', async () => {
    const el = await renderForm(definition('application/pdf', 1000));
    await choose(el, [fileOfSize('over.pdf', 'application/pdf', 1001)]);
    expect(spy.reads).to.deep.equal([]);
    expect(errorText(el, '/doc')).to.contain('over.pdf');
    await choose(el, [fileOfSize('exact.pdf', 'application/pdf', 1000)]);
    expect(spy.reads).to.deep.equal(['FileReader.readAsDataURL exact.pdf']);
    expect(errorText(el, '/doc')).to.equal(undefined);
    expect(String((el.value as { doc: string }).doc)).to.match(
      /^data:application\/pdf;name=exact\.pdf;base64,/,
    );
  });

  it('a file of the wrong type is refused without reading, by name and by media type', async () => {
    const errors = await collectErrors(async () => {
      const el = await renderForm(definition('.pdf,image/*', 10 * MB));
      await choose(el, [fileOfSize('setup.exe', 'application/x-msdownload', 10)]);
      expect(spy.reads).to.deep.equal([]);
      expect(errorText(el, '/doc')).to.match(/setup\.exe/);
      expect(el.value).to.deep.equal({});

      const strict = await renderForm(definition('application/pdf', 10 * MB));
      // Named like a PDF, but the browser says it is HTML: the media type decides.
      await choose(strict, [fileOfSize('invoice.pdf', 'text/html', 10)]);
      expect(spy.reads).to.deep.equal([]);
      expect(errorText(strict, '/doc')).to.match(/invoice\.pdf/);
    });
    expect(errors).to.deep.equal([]);
  });

  it('several files: one too large means none is read', async () => {
    const el = await renderForm(definition(['.pdf', '.png'], MB, true));
    await choose(el, [
      fileOfSize('a.pdf', 'application/pdf', 10),
      fileOfSize('b.png', 'image/png', 2 * MB),
      fileOfSize('c.pdf', 'application/pdf', 10),
    ]);
    expect(spy.reads).to.deep.equal([]);
    expect(errorText(el, '/doc')).to.contain('b.png');
    expect(el.value).to.deep.equal({});
    await choose(el, [
      fileOfSize('a.pdf', 'application/pdf', 10),
      fileOfSize('c.pdf', 'application/pdf', 10),
    ]);
    expect(spy.reads).to.deep.equal([
      'FileReader.readAsDataURL a.pdf',
      'FileReader.readAsDataURL c.pdf',
    ]);
    expect((el.value as { doc: string[] }).doc).to.have.length(2);
  });

  it('the messages are localized (de)', async () => {
    const el = await renderForm(definition('application/pdf', MB), 'de');
    await choose(el, [fileOfSize('gross.pdf', 'application/pdf', 5 * MB)]);
    const tooLarge = errorText(el, '/doc')!;
    await choose(el, [fileOfSize('bild.png', 'image/png', 10)]);
    const wrongType = errorText(el, '/doc')!;
    expect(spy.reads).to.deep.equal([]);
    for (const message of [tooLarge, wrongType]) {
      expect(message).to.match(/^Fehler: /);
      expect(message).not.to.match(/\b(file|too large|type)\b/i);
    }
    expect(tooLarge).to.contain('gross.pdf');
    expect(wrongType).to.contain('bild.png');
  });
});
