/**
 * Hostile text in every text slot of a definition, in a hostile translation, in property names, in
 * the server's error details and in the person's own input: nothing executes, nothing is injected
 * into the page, and every string is shown as text. At 100 000 characters, and lone surrogates:
 * hostile-long-text.test.ts.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { IntakeForm } from '../../src/index.js';
import { controlId } from '../../src/widgets/render-field.js';
import { collectErrors, control, controls, errorText, root } from '../helpers/form.js';
import {
  HOSTILE_DETAIL,
  HOSTILE_POINTER,
  HOSTILE_REFERENCE,
  HOSTILE_TITLE,
} from '../server/test-receiver.js';
import { HOSTILE } from './hostile-strings.js';
import {
  P,
  N,
  Q,
  X,
  NAME,
  norm,
  pointer,
  labelText,
  Watch,
  watchedForm,
  byName,
  enter,
  choose,
  hostileDefinition,
  expectedValue,
  bucket,
} from './hostile-form.js';

describe('hostile text', () => {
  afterEach(() => {
    document.querySelectorAll('intake-form').forEach((el) => el.remove());
  });

  it('in every slot of the source language, and in the input: shown as text, nothing runs', async function () {
    this.timeout(120_000);
    const watch = new Watch();
    let el!: IntakeForm;
    const errors = await collectErrors(async () => {
      el = await watchedForm(watch, hostileDefinition('hostile-source'), 'en');
      const shadow = root(el);
      expect(shadow.querySelector('.form-title')!.textContent).to.equal(P[0]);
      expect(norm(shadow.querySelector('.form-description')!.textContent)).to.equal(
        norm(P.join(' ')),
      );
      expect(el.steps).to.deep.equal([...P, X(11)]);

      for (let k = 0; k < N; k++) {
        const text = P[k];
        const context = `step ${k} (${HOSTILE[k].name})`;
        expect(el.step, context).to.equal(k);
        expect(norm(shadow.querySelector('.step-title')!.textContent), context).to.equal(
          norm(text),
        );
        expect(norm(shadow.querySelector('.step-title + .hint')!.textContent), context).to.equal(
          norm(text),
        );
        expect(norm(shadow.querySelector('.progress')!.textContent), context).to.contain(
          norm(text),
        );

        // t<k>: label, description and help (Markdown), placeholder (an attribute, exact).
        const id = controlId(`/t${k}`);
        expect(labelText(shadow.querySelector(`label[for="${id}"]`)), context).to.equal(norm(text));
        const hints = [...shadow.getElementById(`${id}-hint`)!.children];
        expect(
          hints.map((hint) => norm(hint.textContent)),
          context,
        ).to.deep.equal([norm(text), norm(text)]);
        expect(control(el, `/t${k}`).getAttribute('placeholder'), context).to.equal(text);

        // The property named by the hostile text: its pointer escapes it, its label shows it.
        const named = byName(el, pointer(NAME(k)));
        expect(named.getAttribute('name'), context).to.equal(pointer(NAME(k)));
        expect(labelText(named.labels![0]), context).to.equal(norm(NAME(k)));
        expect(norm(shadow.getElementById(`${named.id}-hint`)!.textContent), context).to.equal(
          norm(text),
        );

        // c<k>: the first option's title.
        const choice = controls(el, `/c${k}`);
        const optionText =
          choice[0].type === 'radio'
            ? choice[0].labels![0].textContent
            : (choice[0] as unknown as HTMLSelectElement).options[1].textContent;
        expect(norm(optionText), context).to.equal(norm(text));

        // The person's input: the first few typed with real key presses, the rest as input events.
        if (k < 4) {
          control(el, `/t${k}`).focus();
          await sendKeys({ type: text });
          await el.updateComplete;
        } else {
          await enter(el, `/t${k}`, text);
        }
        await enter(el, pointer(NAME(k)), text);
        await choose(el, `/c${k}`, 0);
        expect(control(el, `/t${k}`).value, context).to.equal(text);
        expect(await el.next(), context).to.equal(true);
      }

      // The last step: legend, group description, array item title, checkbox labels, a custom
      // error message.
      expect(norm(shadow.querySelector('.step-title')!.textContent)).to.equal(norm(X(11)));
      const group = shadow.querySelector('fieldset[data-pointer="/group"]')!;
      expect(labelText(group.querySelector('legend'))).to.equal(norm(X(1)));
      expect(norm(group.querySelector('.hint')!.textContent)).to.equal(norm(X(2)));
      expect(labelText(control(el, '/group/inner').labels![0])).to.equal(norm(X(3)));
      await enter(el, '/group/inner', X(3));
      shadow
        .querySelector<HTMLButtonElement>('[data-pointer="/list"] [data-action="add"]')!
        .click();
      await el.updateComplete;
      expect(labelText(shadow.querySelector('[data-pointer="/list"] legend'))).to.equal(norm(X(4)));
      expect(norm(shadow.querySelector('.array-item-title')!.textContent)).to.equal(
        `${norm(X(5))} 1`,
      );
      await enter(el, '/list/0', X(5));
      const boxes = controls(el, '/multi');
      expect(boxes.map((box) => norm(box.labels![0].textContent))).to.deep.equal([
        norm(X(6)),
        norm(X(7)),
      ]);
      boxes[0].click();
      boxes[1].click();
      await el.updateComplete;
      expect(labelText(control(el, '/consent').labels![0])).to.equal(norm(X(8)));
      control(el, '/consent').click();
      await el.updateComplete;
      expect(await el.next()).to.equal(false);
      expect(errorText(el, '/needed')).to.equal(`Error: ${norm(X(9))}`);
      expect(norm(shadow.querySelector('.error-summary')!.textContent)).to.contain(norm(X(9)));
      await enter(el, '/needed', X(9));
      expect(await el.next()).to.equal(true);

      // The value holds exactly what was entered, lone surrogates and all.
      expect(el.value).to.deep.equal(expectedValue());

      // The review shows every answer as text.
      expect(el.step).to.equal(-1);
      const rows = [...shadow.querySelectorAll('.review-row')].map((row) => ({
        label: norm(row.querySelector('dt')!.textContent),
        answer: norm(row.querySelector('dd')!.textContent),
      }));
      for (let k = 0; k < N; k++) {
        const text = norm(P[k]);
        const titled = rows.filter((row) => row.label === text);
        const named = rows.filter((row) => row.label === norm(NAME(k)));
        expect(titled.length, `review rows of ${HOSTILE[k].name}`).to.be.at.least(1);
        expect(named.length, `review rows of ${HOSTILE[k].name}`).to.be.at.least(1);
        for (const row of [...titled, ...named]) expect(row.answer, HOSTILE[k].name).to.equal(text);
        expect(rows.find((row) => row.label === `c${k}`)!.answer).to.equal(text);
      }
      expect(rows.find((row) => row.label === norm(X(3)))!.answer).to.equal(norm(X(3)));
      expect(rows.find((row) => row.label === `${norm(X(4))} 1`)!.answer).to.equal(norm(X(5)));
      expect(rows.find((row) => row.label === 'multi')!.answer).to.equal(
        `${norm(X(6))} and ${norm(X(7))}`,
      );
    });
    expect(errors, 'console errors and uncaught exceptions').to.deep.equal([]);
    await watch.finish(el);
  });

  it('in a translation: the hostile locale is shown as text, nothing runs', async function () {
    this.timeout(60_000);
    const watch = new Watch();
    let el!: IntakeForm;
    const errors = await collectErrors(async () => {
      el = await watchedForm(watch, hostileDefinition('hostile-de'), 'de');
      const shadow = root(el);
      expect(shadow.querySelector('.form-title')!.textContent).to.equal(Q(N - 1));
      expect(norm(shadow.querySelector('.form-description')!.textContent)).to.equal(norm(Q(N - 2)));
      expect(el.steps).to.deep.equal([...P.map((_t, k) => Q(k)), X(11)]);
      for (let k = 0; k < N; k++) {
        const context = `step ${k} (${HOSTILE[k].name})`;
        const text = norm(Q(k));
        expect(norm(shadow.querySelector('.step-title')!.textContent), context).to.equal(text);
        expect(shadow.querySelector('.step-title')!.getAttribute('lang'), context).to.equal('de');
        const id = controlId(`/t${k}`);
        expect(labelText(shadow.querySelector(`label[for="${id}"]`)), context).to.equal(text);
        const hints = [...shadow.getElementById(`${id}-hint`)!.children];
        expect(
          hints.map((hint) => norm(hint.textContent)),
          context,
        ).to.deep.equal([text, text]);
        expect(control(el, `/t${k}`).getAttribute('placeholder'), context).to.equal(Q(k));
        const named = byName(el, pointer(NAME(k)));
        expect(norm(shadow.getElementById(`${named.id}-hint`)!.textContent), context).to.equal(
          text,
        );
        const choice = controls(el, `/c${k}`);
        const optionText =
          choice[0].type === 'radio'
            ? choice[0].labels![0].textContent
            : (choice[0] as unknown as HTMLSelectElement).options[1].textContent;
        expect(norm(optionText), context).to.equal(text);
        expect(await el.next(), context).to.equal(true);
      }
      // Back to the source language and again: data and text survive the switch.
      el.locale = 'en';
      await el.updateComplete;
      expect(el.steps[0]).to.equal(P[0]);
    });
    expect(errors, 'console errors and uncaught exceptions').to.deep.equal([]);
    await watch.finish(el);
  });

  it("in the server's answer: problem details and the reference are shown as text", async function () {
    this.timeout(60_000);
    const watch = new Watch();
    let el!: IntakeForm;
    const errors = await collectErrors(async () => {
      el = await watchedForm(watch, hostileDefinition('hostile-server'), 'en');
      el.value = expectedValue();
      const name = bucket();
      el.action = `/test-api/${name}/submit?hostile=1&status=422`;
      const failed = new Promise<CustomEvent>((resolve) =>
        el.addEventListener('intake-error', (e) => resolve(e as CustomEvent), { once: true }),
      );
      const result = await el.submit();
      expect(result.ok).to.equal(false);
      expect((await failed).detail.message).to.equal(HOSTILE_TITLE);
      const shadow = root(el);
      const summary = norm(shadow.querySelector('.error-summary')!.textContent);
      for (let k = 0; k < N; k++) expect(summary, HOSTILE[k].name).to.contain(norm(P[k]));
      expect(summary).to.contain(norm(HOSTILE_DETAIL));
      // The reflected input is the error message of its own field (on the first step).
      expect(el.step).to.equal(0);
      expect(errorText(el, '/t0')).to.equal(`Error: ${norm(P[0])}`);
      expect(errorText(el, pointer(NAME(0)))).to.equal(`Error: ${norm(P[0])}`);
      const reported = result.ok ? [] : (result.errors ?? []);
      expect(reported.map((e) => e.message)).to.include.members([...P, HOSTILE_DETAIL]);
      expect(reported.map((e) => e.pointer)).to.include(HOSTILE_POINTER);

      // Accepted, with a hostile reference and a hostile "what happens next".
      el.remove();
      el = await watchedForm(watch, hostileDefinition('hostile-server'), 'en');
      el.value = expectedValue();
      el.action = `/test-api/${name}/submit?hostile=1&status=201`;
      const accepted = await el.submit();
      expect(accepted).to.deep.equal({ ok: true, status: 201, reference: HOSTILE_REFERENCE });
      expect(root(el).querySelector('.reference')!.textContent).to.equal(HOSTILE_REFERENCE);
      expect(norm(root(el).querySelector('.confirmation')!.textContent)).to.contain(norm(X(10)));
    });
    expect(errors, 'console errors and uncaught exceptions').to.deep.equal([]);
    await watch.finish(el);
  });
});
