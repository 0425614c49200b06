import { api } from './api.js';
import { el, showStatus } from './ui.js';
import { button } from './community-actions.js';
import { builtIn } from './surveys.js';

// The trainees' satisfaction questionnaire on a training action's page: the trainer opens and
// closes it and reads its totals once closed; each trainee answers it once, anonymously.

const $ = (id) => document.getElementById(id);
const SCALE = ['totally_disagree', 'disagree', 'neither_agree_nor_disagree', 'agree', 'totally_agree'];
const DAY = 86400000;

const path = (page) => `/api/v1/training-actions/${encodeURIComponent(page.id)}/satisfaction`;

function percent(t, value) {
  if (value == null) return '–';
  return new Intl.NumberFormat(t.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value / 100);
}

function progress(t, s) {
  return t('training.satisfaction.answeredOf', { count: s.respondents, trainees: s.trainees, percent: percent(t, s.responseRate) });
}

function openForm(page) {
  const { t } = page;
  const form = el('form', undefined, 'row g-2 align-items-end');
  const col = el('div', undefined, 'col-12 col-sm-auto');
  const label = el('label', t('training.satisfaction.closesOn'), 'form-label mb-1');
  const closes = el('input', undefined, 'form-control');
  const day = (ms) => new Date(ms).toISOString().slice(0, 10);
  Object.assign(closes, { id: 'satisfaction-closes', type: 'date', required: true, value: day(Date.now() + 14 * DAY), min: day(Date.now() + DAY) });
  label.htmlFor = closes.id;
  col.append(label, closes);
  const send = el('button', t('training.satisfaction.open'), 'btn btn-primary');
  send.type = 'submit';
  send.id = 'satisfaction-open';
  const sendCol = el('div', undefined, 'col-12 col-sm-auto');
  sendCol.append(send);
  form.append(col, sendCol);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    send.disabled = true;
    try {
      await api('POST', path(page), { closesAt: new Date(`${closes.value}T23:59`).toISOString() });
      await page.render();
    } catch (error) {
      send.disabled = false;
      showStatus($('satisfaction-status'), t.error(error), { error: true });
    }
  });
  return form;
}

function answerForm(page, s) {
  const { t } = page;
  const form = el('form', undefined, 'vstack gap-3');
  form.id = 'satisfaction-answers';
  s.statements.forEach((statement, i) => {
    const set = el('fieldset', undefined, 'border rounded px-3 pt-2 pb-3');
    set.append(el('legend', `${i + 1}. ${builtIn(t, statement.key, statement.text)}`, 'fs-6 fw-semibold mb-2'));
    const choices = el('div', undefined, 'd-flex flex-column flex-md-row flex-md-wrap column-gap-4 row-gap-1');
    SCALE.forEach((point, p) => {
      const check = el('div', undefined, 'form-check mb-0');
      const radio = el('input', undefined, 'form-check-input');
      Object.assign(radio, { type: 'radio', name: `satisfaction-${i}`, value: String(p + 1), id: `satisfaction-${i}-${p}` });
      const label = el('label', t(`scale.${point}`), 'form-check-label');
      label.htmlFor = radio.id;
      check.append(radio, label);
      choices.append(check);
    });
    set.append(choices);
    form.append(set);
  });
  const commentWrap = el('div');
  const commentLabel = el('label', t('training.satisfaction.comment'), 'form-label');
  const comment = el('textarea', undefined, 'form-control');
  Object.assign(comment, { id: 'satisfaction-comment', rows: 3, maxLength: 2000 });
  commentLabel.htmlFor = comment.id;
  commentWrap.append(commentLabel, comment);
  const send = el('button', t('training.satisfaction.send'), 'btn btn-primary align-self-start');
  send.type = 'submit';
  form.append(commentWrap, el('p', t('training.satisfaction.anonymous'), 'small text-body-secondary mb-0'), send);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const agreements = s.statements.map((_, i) => {
      const checked = form.querySelector(`input[name="satisfaction-${i}"]:checked`);
      return checked ? Number(checked.value) : null;
    });
    send.disabled = true;
    try {
      await api('POST', `${path(page)}/answers`, { agreements, comment: comment.value.trim() || null });
      await page.render();
      showStatus($('satisfaction-status'), t('training.satisfaction.thanks'));
    } catch (error) {
      send.disabled = false;
      showStatus($('satisfaction-status'), t.error(error), { error: true });
    }
  });
  return form;
}

function reportTable(t, report) {
  // On a phone the table scrolls sideways: keyboard users reach it with Tab and scroll with arrows.
  const wrap = el('div', undefined, 'table-responsive');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', t('training.satisfaction.tableCaption'));
  const table = el('table', undefined, 'table table-sm table-bordered align-top small mb-2');
  table.id = 'satisfaction-table';
  const headRow = el('tr');
  [t('training.satisfaction.statement'), ...SCALE.map((p) => t(`scale.${p}`)), t('training.satisfaction.positive')].forEach((h) => {
    const th = el('th', h);
    th.scope = 'col';
    headRow.append(th);
  });
  const head = el('thead');
  head.append(headRow);
  const body = el('tbody');
  for (const item of report.items) {
    const row = el('tr');
    const th = el('th', `${item.position}. ${builtIn(t, item.key, item.text)}`, 'fw-normal');
    th.scope = 'row';
    row.append(th);
    item.counts.forEach((count, p) => row.append(el('td', `${t.number(count)} (${percent(t, item.percents[p])})`, 'text-nowrap')));
    row.append(el('td', percent(t, item.positivePercent), 'text-nowrap'));
    body.append(row);
  }
  table.append(el('caption', t('training.satisfaction.tableCaption')), head, body);
  wrap.append(table);
  return wrap;
}

function trainerView(page, action, s) {
  const { t } = page;
  const parts = [];
  if (!s.opened) {
    if (action.status !== 'open') return [el('p', t('training.satisfaction.notOpened'), 'mb-0')];
    return [el('p', t('training.satisfaction.help'), 'small'), openForm(page)];
  }
  const state = s.open
    ? el('span', t('training.satisfaction.openUntil', { date: t.day(s.closesAt) }), 'badge text-bg-success')
    : el('span', t('training.satisfaction.isClosed'), 'badge text-bg-secondary');
  const line = el('p', undefined, 'd-flex flex-wrap align-items-center gap-2 mb-2');
  const count = el('span', progress(t, s));
  count.id = 'satisfaction-progress';
  line.append(state, count);
  parts.push(line);
  if (s.open) {
    parts.push(el('p', t('training.satisfaction.stillOpen'), 'small text-body-secondary'));
    if (action.status === 'open') {
      parts.push(button(page, t('training.satisfaction.close'), () => api('POST', `${path(page)}/close`), {
        status: $('satisfaction-status'),
        secondary: true,
        confirm: { title: t('training.satisfaction.closeTitle'), body: t('training.satisfaction.closeBody'), confirm: t('training.satisfaction.close') },
      }));
    }
  } else if (s.report?.shown) {
    parts.push(reportTable(t, s.report));
    if (s.comments?.length) {
      parts.push(el('h3', t('training.satisfaction.comments'), 'h6 mt-2'));
      const list = el('ul', undefined, 'small mb-0');
      s.comments.forEach((comment) => list.append(el('li', comment, 'text-break')));
      parts.push(list);
    }
  } else {
    parts.push(el('p', t('training.satisfaction.tooFew', { min: s.minRespondents }), 'alert alert-info py-2 mb-0'));
  }
  return parts;
}

function traineeView(page, s) {
  const { t } = page;
  if (s.answeredByMe) return [el('p', t('training.satisfaction.answeredByMe'), 'text-success mb-0')];
  if (!s.open) return [el('p', t('training.satisfaction.closedForMe'), 'mb-0')];
  return [answerForm(page, s)];
}

export async function showSatisfaction(page, action, trains) {
  const box = $('satisfaction-box');
  if (!trains && !action.mine.trainee) {
    box.hidden = true;
    return;
  }
  const s = await api('GET', path(page));
  box.hidden = !trains && !s.opened;
  if (box.hidden) return;
  // Drawn again only when it changed: a trainee's half-filled answers stay while the page redraws.
  const drawn = JSON.stringify([s, action.status, trains]);
  if (box.dataset.drawn === drawn) return;
  box.dataset.drawn = drawn;
  $('satisfaction').replaceChildren(...(trains ? trainerView(page, action, s) : traineeView(page, s)));
}
