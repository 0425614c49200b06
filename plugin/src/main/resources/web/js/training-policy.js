import { el } from './ui.js';
import { criterion, mention } from './training-format.js';

// The evaluation policy of a new training action, prefilled with the defaults of accredited
// continuous training in Portugal (the server's too): scale, decimals, weighted criteria and the
// mentions that name ranges of the final grade.

const $ = (id) => document.getElementById(id);
const MAX_PARTS = 10;
const DEFAULTS = {
  scaleMin: 1,
  scaleMax: 10,
  decimals: 1,
  criteria: [['participation', 30], ['work', 40], ['final_reflection', 30]],
  mentions: [['excellent', 9], ['very_good', 8], ['good', 6.5], ['fair', 5], ['insufficient', 1]],
};

// One line of a list: a name and a number, with "Remove". A built-in name is shown in the reader's
// language and sent by its code while it is left as shown.
function line(t, kind, code, value) {
  const shown = kind === 'criterion' ? criterion(t, code) : mention(t, code);
  const row = el('div', undefined, 'input-group input-group-sm mb-2');
  row.dataset.part = kind;
  const name = el('input', undefined, 'form-control');
  name.required = true;
  name.maxLength = 40;
  name.value = shown;
  name.dataset.code = code;
  name.dataset.shown = shown;
  name.setAttribute('aria-label', t(`training.policy.${kind}Name`));
  const number = el('input', undefined, 'form-control policy-number');
  number.type = 'number';
  number.required = true;
  number.inputMode = 'decimal';
  if (kind === 'criterion') {
    Object.assign(number, { min: 1, max: 100, step: 1 });
  } else {
    Object.assign(number, { min: 0, max: 1000, step: 0.01 });
  }
  number.value = value;
  number.setAttribute('aria-label', t(`training.policy.${kind}Number`));
  const remove = el('button', '×', 'btn btn-outline-secondary');
  remove.type = 'button';
  remove.setAttribute('aria-label', t('training.policy.remove', { name: shown }));
  remove.addEventListener('click', () => {
    const list = row.parentElement;
    row.remove();
    refresh(list);
  });
  row.append(name, number, remove);
  return row;
}

// At least one line stays; no more than the server takes.
function refresh(list) {
  const rows = list.querySelectorAll('[data-part]');
  rows.forEach((r) => { r.querySelector('button').disabled = rows.length === 1; });
  const add = $(list.dataset.add);
  if (add) add.disabled = rows.length >= MAX_PARTS;
}

function fill(t, list, kind, pairs) {
  list.replaceChildren(...pairs.map(([code, value]) => line(t, kind, code, value)));
  refresh(list);
}

function parts(list, numberKey) {
  return [...list.querySelectorAll('[data-part]')].map((row) => {
    const [name, number] = row.querySelectorAll('input');
    const typed = name.value.trim();
    return { name: typed === name.dataset.shown ? name.dataset.code : typed, [numberKey]: Number(number.value) };
  });
}

// Draws the editor into the new-action form; returns what the form sends.
export function policyEditor(t) {
  $('p-min').value = DEFAULTS.scaleMin;
  $('p-max').value = DEFAULTS.scaleMax;
  $('p-decimals').value = String(DEFAULTS.decimals);
  fill(t, $('p-criteria'), 'criterion', DEFAULTS.criteria);
  fill(t, $('p-mentions'), 'mention', DEFAULTS.mentions);
  $('p-add-criterion').addEventListener('click', () => {
    $('p-criteria').append(line(t, 'criterion', '', 10));
    refresh($('p-criteria'));
    $('p-criteria').lastElementChild.querySelector('input').focus();
  });
  $('p-add-mention').addEventListener('click', () => {
    $('p-mentions').append(line(t, 'mention', '', ''));
    refresh($('p-mentions'));
    $('p-mentions').lastElementChild.querySelector('input').focus();
  });
  return {
    read: () => ({
      scaleMin: Number($('p-min').value),
      scaleMax: Number($('p-max').value),
      decimals: Number($('p-decimals').value),
      criteria: parts($('p-criteria'), 'weight'),
      mentions: parts($('p-mentions'), 'from'),
    }),
  };
}
